import Foundation
import TrialModel

/// A format. One type per format, in its own target, registered by one line in `ExporterRegistry`. A format owns
/// all of itself: its settings section, its command-line options, its checks and its output folder; the CLI builds
/// the format's command from this protocol.
///
/// The batch engine calls `render` for every (summary × variant) on worker threads, and
/// `renderCollection` once with the whole library. Exporters are pure: model in, bytes out.
public protocol Exporter: Sendable {
    /// The format's own command-line options (`NoCommandOptions` when it has none).
    associatedtype CommandOptions: FormatCommandOptions = NoCommandOptions

    static var info: FormatInfo { get }

    /// The format's section of `trialexport.yaml`, read with the site-wide settings (nil: none).
    static var settingsSection: (any SettingsSection.Type)? { get }

    /// Files of the format's own in the resources folder (PDF layouts), for `trialexport layouts` (nil: none).
    static var resources: FormatResources? { get }

    /// What `validate` (depth `.validate`) and the export commands (`.export`) report about these summaries.
    /// `settings` is nil when the settings file is invalid.
    static func check(_ summaries: [LoadedSummary], resourceRoot: URL, settings: Settings?, depth: FormatCheck.Depth) -> FormatCheck

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
    public static var settingsSection: (any SettingsSection.Type)? { nil }
    public static var resources: FormatResources? { nil }
    public static func check(_ summaries: [LoadedSummary], resourceRoot: URL, settings: Settings?,
                             depth: FormatCheck.Depth) -> FormatCheck { FormatCheck() }
    public var variants: [String] { [""] }
    public func fingerprint(variant: String) -> [UInt8] { [] }
    public func renderCollection(_ library: [LoadedSummary], worker: WorkerCache) throws -> [OutputFile] { [] }
}
