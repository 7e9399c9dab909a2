/// Project settings from `trialexport.yaml`: the site-wide ones, lint's, and one section per format that has
/// any (`settings[PDFSettings.self]`). Every field has a documented default.
public struct Settings: Sendable, Equatable {
    public var siteName: String
    public var publisher: String
    /// Absolute base URL ending in `/`; a summary's page is `baseURL + id`.
    public var baseURL: String
    /// Targets and levels for `trialexport lint`.
    public var lint: LintSettings = .defaults
    /// Format sections read from the file, by key; a section not there reads as its defaults.
    private var sections: [String: any SettingsSection] = [:]

    public init(siteName: String, publisher: String, baseURL: String, lint: LintSettings = .defaults) {
        self.siteName = siteName
        self.publisher = publisher
        self.baseURL = baseURL
        self.lint = lint
    }

    public static let defaults = Settings(
        siteName: "Clear Trials",
        publisher: "Clear Trials editorial team",
        baseURL: "https://cleartrials.example.org/summaries/")

    /// A format's section: what the file says, else the section's defaults.
    public subscript<S: SettingsSection>(section section: S.Type) -> S {
        get { sections[S.key] as? S ?? S.defaults }
        set { sections[S.key] = newValue }
    }

    mutating func set(section: any SettingsSection, key: String) { sections[key] = section }

    /// The web page of a summary.
    public func pageURL(for id: String) -> String { baseURL + id }

    public static func == (a: Settings, b: Settings) -> Bool {
        a.siteName == b.siteName && a.publisher == b.publisher && a.baseURL == b.baseURL && a.lint == b.lint
            && a.sections.keys.sorted() == b.sections.keys.sorted()
            && a.sections.allSatisfy { k, v in b.sections[k].map(v.isEqual(to:)) ?? false }
    }
}
