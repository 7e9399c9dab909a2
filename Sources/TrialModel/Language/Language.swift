/// A language the tool writes its own words in (labels, headings, dates, numbers), chosen by a summary's
/// `language` tag. Adding one means a catalogue file (`Messages+<tag>.swift`) and a case here; the test
/// `CatalogueTests` fails until every key is translated.
public enum Language: String, Sendable, CaseIterable, Codable {
    case en, es, fr, de, ar
    case zhHans = "zh-Hans"

    /// The language a BCP 47 tag asks for, by its primary subtag (`es-419` and `es-ES` are Spanish).
    /// Chinese needs Simplified script: `zh`, `zh-Hans`, `zh-CN`, `zh-SG`; `zh-Hant`/`zh-TW`/`zh-HK` are not
    /// supported (their characters differ), so they are refused rather than printed in the wrong script.
    public init?(tag: String) {
        let parts = tag.split(separator: "-").map { $0.lowercased() }
        guard let primary = parts.first else { return nil }
        if primary == "zh" {
            let rest = Set(parts.dropFirst())
            if !rest.isDisjoint(with: ["hant", "tw", "hk", "mo"]) { return nil }
            self = .zhHans
            return
        }
        guard let l = Language(rawValue: primary) else { return nil }
        self = l
    }

    /// Right-to-left scripts (EPUB `dir` and page progression), decided where the PDF decides its layout.
    public var isRightToLeft: Bool { WritingDirection(languageTag: rawValue).isRightToLeft }

    /// `rtl` or `ltr`, as XHTML's `dir` and OPF's `page-progression-direction` write it.
    public var direction: String { isRightToLeft ? "rtl" : "ltr" }

    /// Foundation locale identifier for number and date patterns (CLDR data in swift-foundation-icu).
    var localeIdentifier: String { self == .zhHans ? "zh-Hans" : rawValue }

    public static var supportedList: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
