/// One plain-language trial summary: the canonical model every exporter reads.
public struct Summary: Sendable, Codable, Equatable {
    /// Version of the source format this summary was written in; loading a different one fails by name.
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var id: String
    public var title: String
    public var lead: RichText
    public var cancerType: String
    public var category: Category
    public var tags: [String]
    public var language: String
    /// The id of the summary this one translates (`translationOf: patina`); its numbers must match the original's.
    public var translationOf: String?
    public var reviewed: Day
    public var version: Int
    public var trial: Trial
    public var arms: [Arm]
    public var outcomes: [Outcome]
    public var sections: [Section]
    public var glossary: [GlossaryEntry]
    /// What the brief handout leaves out (empty: the usual brief).
    public var brief: BriefChoice
    /// Fields still in draft (written `{draft: …}`), by field path, with the draft's note ("" when none).
    /// Drafts load and export like any value; `validate` warns about each one.
    public var drafts: [String: String]

    public init(schemaVersion: Int = Summary.currentSchemaVersion, id: String, title: String, lead: RichText,
                cancerType: String, category: Category, tags: [String], language: String, reviewed: Day,
                version: Int, trial: Trial, arms: [Arm], outcomes: [Outcome], sections: [Section],
                glossary: [GlossaryEntry], brief: BriefChoice = BriefChoice(), drafts: [String: String] = [:],
                translationOf: String? = nil) {
        self.translationOf = translationOf
        self.schemaVersion = schemaVersion
        self.id = id
        self.title = title
        self.lead = lead
        self.cancerType = cancerType
        self.category = category
        self.tags = tags
        self.language = language
        self.reviewed = reviewed
        self.version = version
        self.trial = trial
        self.arms = arms
        self.outcomes = outcomes
        self.sections = sections
        self.glossary = glossary
        self.brief = brief
        self.drafts = drafts
    }

    public func arm(_ id: String) -> Arm? { arms.first { $0.id == id } }
    public func outcome(_ id: String) -> Outcome? { outcomes.first { $0.id == id } }
    public func glossaryEntry(_ id: String) -> GlossaryEntry? { glossary.first { $0.id == id } }
}
