import Foundation

/// A validated summary with its derived views and where it came from: what exporters receive.
public struct LoadedSummary: Sendable {
    /// The derived values below (`views`, `nonASCIIScalars`) are those of the summary given to `init`: to change
    /// the summary, make a new `LoadedSummary`.
    public var summary: Summary
    /// Worked out on first use, from the summary as it was given to `init`: `lint` never asks for them, and an
    /// export computes them on the worker that first needs them instead of in the serial end of loading.
    public var views: SummaryViews { lazyViews.value }
    private let lazyViews: OnceValue<SummaryViews>
    /// Every non-ASCII character of the summary's strings, in first-seen order (nil if the model could not be
    /// walked): worked out once, like `views`, for the glyph check and each handout's choice of script fonts.
    public var nonASCIIScalars: [Unicode.Scalar]? { lazyScalars.value }
    private let lazyScalars: OnceValue<[Unicode.Scalar]?>
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
        self.lazyViews = OnceValue { SummaryViews(summary) }
        self.lazyScalars = OnceValue { try? NonASCIIScalars.of(summary) }
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

/// A value computed once, by whichever thread asks first; what it is computed from is let go afterwards.
private final class OnceValue<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var make: (() -> Value)?
    private var made: Value?

    init(_ make: @escaping () -> Value) { self.make = make }

    var value: Value {
        lock.withLock {
            if let made { return made }
            let v = make!()
            made = v
            make = nil
            return v
        }
    }
}
