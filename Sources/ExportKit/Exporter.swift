import TrialModel

/// A format. One type per format, in its own target, registered by one line in `ExporterRegistry`.
///
/// The batch engine calls `render` for every (summary × variant) on worker threads, and
/// `renderCollection` once with the whole library. Exporters are pure: model in, bytes out.
public protocol Exporter: Sendable {
    static var info: FormatInfo { get }

    /// Fails with `ExportError.configuration` for bad settings or resources (e.g. an unknown layout).
    init(context: ExportContext) throws

    /// Variants each summary is rendered in, e.g. PDF layouts; `[""]` for formats with one rendering.
    var variants: [String] { get }

    /// Bytes besides the summary source and settings that decide a variant's output (layout file, fonts).
    /// The batch engine hashes them so a change triggers a rebuild.
    func fingerprint(variant: String) -> [UInt8]

    /// The settings and options this format's outputs read (`collection`: those of `renderCollection`), e.g.
    /// `ConfigurationFingerprint.of(settings.siteName, …)`. A job's input hash covers these and no other part of
    /// the configuration, so editing the newsletter subject rebuilds digests, not PDFs. No default: a format
    /// that forgot would never be rebuilt after a settings change.
    func configurationFingerprint(collection: Bool) -> [UInt8]

    /// Outputs for one summary. `worker` holds state reused across calls on the same thread (font maps).
    func render(_ item: LoadedSummary, variant: String, worker: WorkerCache) throws -> [OutputFile]

    /// Outputs built from the whole library (collection EPUB, digest message, collection JSON-LD), in category order.
    func renderCollection(_ library: [LoadedSummary], worker: WorkerCache) throws -> [OutputFile]
}

extension Exporter {
    public var variants: [String] { [""] }
    public func fingerprint(variant: String) -> [UInt8] { [] }
    public func renderCollection(_ library: [LoadedSummary], worker: WorkerCache) throws -> [OutputFile] { [] }
}
