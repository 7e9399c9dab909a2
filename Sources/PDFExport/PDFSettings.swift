import TrialModel

/// The handout's section of `trialexport.yaml`, `pdf:`: the layouts `trialexport all` renders.
public struct PDFSettings: SettingsSection, Codable {
    /// Layout names (files in `layouts/` without `.yaml`).
    public var layouts: [String]

    public init(layouts: [String]) { self.layouts = layouts }

    public static let key = "pdf"
    public static let defaults = PDFSettings(layouts: ["a4", "large-print", "brief-a4"])

    public static func read(_ value: YAMLValue) -> PDFSettings {
        var s = defaults
        if let p = value.map(["layouts"]), let layouts = p.optional("layouts"),
           let names = layouts.list(nonEmpty: true)?.compactMap({ $0.slug() }) {
            s.layouts = names
        }
        return s
    }

    public static var jsonSchema: [String: any Sendable] {
        ["type": "object", "additionalProperties": false,
         "description": "PDF patient handouts (`trialexport pdf`).",
         "properties": ["layouts": ["type": "array", "minItems": 1, "items": ["type": "string"] as [String: any Sendable],
                                    "description": "Layouts `trialexport all` renders (files in layouts/ without .yaml); `trialexport layouts` lists them."] as [String: any Sendable]] as [String: any Sendable]]
    }
}
