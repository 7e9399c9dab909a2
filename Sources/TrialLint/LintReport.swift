import TrialModel

/// Everything `lint` found about one summary.
public struct LintReport: Sendable, Equatable, Codable {
    public struct SectionScore: Sendable, Equatable, Codable {
        /// Section id, or `lead`.
        public var id: String
        public var heading: String
        public var readability: Readability

        enum CodingKeys: String, CodingKey { case id, heading, readability }
    }

    public var file: String
    public var id: String
    public var language: String
    /// Lead and sections together: what a reader reads top to bottom.
    public var readability: Readability
    public var sections: [SectionScore]
    public var annexV: [AnnexVItem]
    /// Sorted by level (errors first), then position.
    public var findings: [LintFinding]

    public func count(_ level: LintSettings.Level) -> Int { findings.filter { $0.level == level }.count }

    /// The worst level present, for ordering reports.
    public var worst: LintSettings.Level? { findings.map(\.level).max() }

    enum CodingKeys: String, CodingKey { case file, id, language, readability, sections, annexV, findings }

    /// Written through nested containers rather than by handing the encoder one nested value after another:
    /// JSONEncoder runs type checks for each nested value, makes a new encoder for it and takes its result back,
    /// which was most of writing the JSON report. The containers hold the same keys and values, so the bytes are
    /// the same (a test decodes the output back to the same report).
    public func encode(to encoder: any Encoder) throws { try encode(to: encoder, annexVMarkers: nil) }

    /// `annexVMarkers`: strings written in place of the Annex V items (`AnnexVParts`).
    func encode(to encoder: any Encoder, annexVMarkers: [String]?) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode(id, forKey: .id)
        try c.encode(language, forKey: .language)
        var overall = c.nestedContainer(keyedBy: Readability.CodingKeys.self, forKey: .readability)
        try readability.encode(into: &overall)
        var sectionList = c.nestedUnkeyedContainer(forKey: .sections)
        for s in sections {
            var k = sectionList.nestedContainer(keyedBy: SectionScore.CodingKeys.self)
            try k.encode(s.id, forKey: .id)
            try k.encode(s.heading, forKey: .heading)
            var r = k.nestedContainer(keyedBy: Readability.CodingKeys.self, forKey: .readability)
            try s.readability.encode(into: &r)
        }
        var annexList = c.nestedUnkeyedContainer(forKey: .annexV)
        for m in annexVMarkers ?? [] { try annexList.encode(m) }
        for a in annexVMarkers == nil ? annexV : [] {
            var k = annexList.nestedContainer(keyedBy: AnnexVItem.CodingKeys.self)
            try k.encode(a.number, forKey: .number)
            try k.encode(a.element, forKey: .element)
            try k.encode(a.status.rawValue, forKey: .status)
            var fill = k.nestedUnkeyedContainer(forKey: .fill)
            for f in a.fill { try fill.encode(f) }
        }
        var findingList = c.nestedUnkeyedContainer(forKey: .findings)
        for f in findings {
            var k = findingList.nestedContainer(keyedBy: LintFinding.CodingKeys.self)
            try k.encode(f.rule, forKey: .rule)
            try k.encode(f.level.rawValue, forKey: .level)
            try k.encode(f.file, forKey: .file)
            try k.encode(f.line, forKey: .line)
            try k.encode(f.column, forKey: .column)
            try k.encode(f.field, forKey: .field)
            try k.encode(f.message, forKey: .message)
        }
    }
}
