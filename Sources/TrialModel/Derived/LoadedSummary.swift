/// A validated summary with its derived views and where it came from: what exporters receive.
public struct LoadedSummary: Sendable {
    public var summary: Summary
    public var views: SummaryViews
    /// Path as given on the command line or found in the library folder.
    public var sourcePath: String
    /// The exact source bytes, so the batch engine can hash what an output was built from.
    public var sourceBytes: [UInt8]
    /// Warnings found while loading (errors prevent loading).
    public var warnings: [Diagnostic]

    public init(summary: Summary, sourcePath: String, sourceBytes: [UInt8], warnings: [Diagnostic] = []) {
        self.summary = summary
        self.views = SummaryViews(summary)
        self.sourcePath = sourcePath
        self.sourceBytes = sourceBytes
        self.warnings = warnings
    }

    public var id: String { summary.id }
}
