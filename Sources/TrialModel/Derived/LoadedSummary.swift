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
    /// Where each field is in the source, recorded while loading when asked (`Library.load(…, recordingPositions:)`).
    public var positions: FieldPositions?

    public init(summary: Summary, sourcePath: String, sourceBytes: [UInt8], warnings: [Diagnostic] = [],
                positions: FieldPositions? = nil) {
        self.summary = summary
        self.views = SummaryViews(summary)
        self.sourcePath = sourcePath
        self.sourceBytes = sourceBytes
        self.warnings = warnings
        self.positions = positions
    }

    /// Field positions: those recorded while loading, else found by parsing the source bytes.
    public var fieldPositions: FieldPositions {
        positions ?? FieldPositions(yaml: String(decoding: sourceBytes, as: UTF8.self))
    }

    public var id: String { summary.id }
}
