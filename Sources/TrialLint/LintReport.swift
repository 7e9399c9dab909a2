import TrialModel

/// Everything `lint` found about one summary.
public struct LintReport: Sendable, Equatable, Codable {
    public struct SectionScore: Sendable, Equatable, Codable {
        /// Section id, or `lead`.
        public var id: String
        public var heading: String
        public var readability: Readability
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
}
