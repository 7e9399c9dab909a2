import ExportKit
import Foundation
import TrialModel

/// The PDF patient handout: one PDF per summary and layout, at `pdf/<layout>/<id>.pdf`.
///
/// Layouts are read once here; fonts are loaded once per worker thread (`WorkerCache`), because a
/// Pango font map must not be shared between threads and is too costly to build per document.
public struct PDFExporter: Exporter {
    public static let info = FormatInfo(name: "pdf", title: "PDF patient handout", mediaType: "application/pdf",
                                        hasCollection: false, abstract: "Export PDF patient handouts.")
    public typealias CommandOptions = PDFCommandOptions
    public static var settingsSection: (any SettingsSection.Type)? { PDFSettings.self }
    public static var resources: FormatResources? { FormatResources(folder: "layouts", list: PDFLayouts.list) }

    public let variants: [String]
    let layouts: [String: PageLayout]
    let context: ExportContext
    private let layoutBytes: [String: [UInt8]]
    private let fontDigest: [UInt8]

    public init(context: ExportContext) throws {
        self.context = context
        let names = context.options.variants ?? context.settings[section: PDFSettings.self].layouts
        guard !names.isEmpty else { throw ExportError.configuration("no PDF layouts selected") }
        var layouts: [String: PageLayout] = [:]
        var bytes: [String: [UInt8]] = [:]
        for name in names {
            layouts[name] = try PDFLayouts.load(name, layoutsFolder: context.layoutsFolder)
            bytes[name] = Array(try Data(contentsOf: PDFLayouts.file(name, layoutsFolder: context.layoutsFolder)))
        }
        var seen = Set<String>()
        variants = names.filter { seen.insert($0).inserted }
        self.layouts = layouts
        layoutBytes = bytes
        fontDigest = try FontDigest.of(FontSetup.fontFiles(in: context.fontsFolder))
    }

    /// The layout file's bytes plus a digest of every font file (names and contents), so editing a layout
    /// or replacing a font rebuilds the handouts that use them.
    public func fingerprint(variant: String) -> [UInt8] {
        (layoutBytes[variant] ?? []) + fontDigest
    }

    /// A handout shows the site's name, publisher and page address; the layout list only picks variants.
    public func configurationFingerprint(collection: Bool) -> [UInt8] { ConfigurationFingerprint.site(context.settings) }

    public func render(_ item: LoadedSummary, variant: String, worker: WorkerCache) throws -> [OutputFile] {
        let result = try renderHandout(item, variant: variant, worker: worker)
        return [OutputFile(path: Self.info.outputPath("\(item.id).pdf", variant: variant), data: result.pdf)]
    }

    /// The handout with what tests and benchmarks want to know about it.
    func renderHandout(_ item: LoadedSummary, variant: String, worker: WorkerCache) throws -> HandoutRenderer.Result {
        let renderer = try renderer(item, variant: variant, worker: worker)
        do {
            return try renderer.render(item)
        } catch let e as PDFError {
            throw ExportError.render(summaryID: item.id, format: Self.info.name, message: e.description)
        }
    }

    /// The handout's page count, composed and paginated but not drawn (equal to `renderHandout`'s `pageCount`).
    func pageCount(_ item: LoadedSummary, variant: String, worker: WorkerCache) throws -> Int {
        try renderer(item, variant: variant, worker: worker).pageCount(item)
    }

    private func renderer(_ item: LoadedSummary, variant: String, worker: WorkerCache) throws -> HandoutRenderer {
        guard let layout = layouts[variant] else {
            throw ExportError.configuration("unknown PDF layout '\(variant)'; available layouts: \(variants.joined(separator: ", "))")
        }
        // One font setup per set of script fonts: an English handout never loads (or waits for) the CJK font,
        // and a handout's fonts never depend on what the worker set before.
        let scripts = ScriptFont.needed(by: item, fontsFolder: context.fontsFolder)
        let qualifier = context.fontsFolder.path + ":" + scripts.sorted().map(\.rawValue).joined(separator: ",")
        let fonts = try worker.value(WorkerCache.Key<FontSetup>("pdf.fonts", qualifier)) {
            try FontSetup(fontsFolder: context.fontsFolder, scripts: scripts, summary: item.id)
        }
        try fonts.require(family: layout.type.family, layout: layout.name)
        return HandoutRenderer(layout: layout, settings: context.settings, toolVersion: context.toolVersion, fonts: fonts)
    }
}

/// FNV-1a (64-bit) over font names and bytes: cheap, stable, and only needs to notice a change.
enum FontDigest {
    /// A file larger than this is digested by its size and its first `headLength` bytes, which hold the
    /// OpenType table directory with a checksum of every table: reading the 16 MB CJK faces whole on every
    /// run would cost more than English handouts take to render.
    static let wholeFileLimit = 1 << 20
    static let headLength = 1 << 16

    static func of(_ files: [URL]) throws -> [UInt8] {
        var h = FNV1a64()
        for f in files {
            h.mix(f.lastPathComponent.utf8)
            // The size of what the name leads to: resources gathered from several places are symbolic links
            // (`ResourceSearch`), and a link's own size made every run read the 33 MB CJK faces whole.
            var st = stat()
            guard stat(f.path, &st) == 0 else { throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: f.path]) }
            let size = Int(st.st_size)
            if size <= wholeFileLimit {
                try Data(contentsOf: f).withUnsafeBytes { h.mix($0) }
            } else {
                let handle = try FileHandle(forReadingFrom: f)
                defer { try? handle.close() }
                h.mix(String(size).utf8)
                try (handle.read(upToCount: headLength) ?? Data()).withUnsafeBytes { h.mix($0) }
            }
        }
        return h.bytes
    }
}
