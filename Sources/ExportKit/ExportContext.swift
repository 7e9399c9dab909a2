import Foundation
import TrialModel

/// Everything an exporter is configured with: settings (site-wide, and each format's own section), where project
/// resources live, and the run's options.
public struct ExportContext: Sendable {
    public var settings: Settings
    /// Folder holding `layouts/` and `fonts/`.
    public var resourceRoot: URL
    public var options: ExportOptions
    /// `trialexport` version, for metadata such as PDF Creator.
    public var toolVersion: String

    public init(settings: Settings, resourceRoot: URL, options: ExportOptions = ExportOptions(), toolVersion: String) {
        self.settings = settings
        self.resourceRoot = resourceRoot
        self.options = options
        self.toolVersion = toolVersion
    }

    public var layoutsFolder: URL { resourceRoot.appendingPathComponent("layouts") }
    public var fontsFolder: URL { resourceRoot.appendingPathComponent("fonts") }
}

/// What the command line chose for a run. `variants` is the one choice every format understands (`--layout`
/// picks the PDF's); anything else is a format's own options record, stored by its type
/// (`options[DigestOptions.self]`), so this type never learns a format's fields. Records are Hashable so a
/// `watch` session can tell whether the options changed and its exporters must be made again.
public struct ExportOptions: Sendable, Hashable {
    /// Variants to render instead of those the settings choose (PDF layouts).
    public var variants: [String]?
    private var records: [ObjectIdentifier: Record] = [:]

    /// Only Sendable values go in (the subscript's constraint), so the box may claim it.
    private struct Record: @unchecked Sendable, Hashable { let value: AnyHashable }

    public init(variants: [String]? = nil) { self.variants = variants }

    /// A format's options record, or nil when the command line gave none.
    public subscript<T: Sendable & Hashable>(_ type: T.Type) -> T? {
        get { records[ObjectIdentifier(type)]?.value.base as? T }
        set { records[ObjectIdentifier(type)] = newValue.map { Record(value: AnyHashable($0)) } }
    }
}
