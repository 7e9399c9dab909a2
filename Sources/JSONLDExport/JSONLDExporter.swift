import ExportKit
import Foundation
import TrialModel

/// Structured data for search engines: per summary a JSON-LD document and the `<script>` snippet that embeds
/// it, plus the library as an `ItemList`. Vocabulary: schema.org 30.0, checked by `check-jsonld --strict`.
public struct JSONLDExporter: Exporter {
    public static let info = FormatInfo(name: "jsonld", title: "JSON-LD structured data", mediaType: ScriptSnippet.mediaType,
                                        hasCollection: true,
                                        abstract: "Export schema.org JSON-LD documents, HTML snippets and the collection list.")

    let builder: GraphBuilder
    let site: [UInt8]

    public init(context: ExportContext) throws {
        // The settings reader already rejects a relative base URL with a located error; this guards settings
        // built in code, because every `@id` must be absolute.
        let base = context.settings.baseURL
        guard let url = URL(string: base), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let host = url.host, !host.isEmpty, base.hasSuffix("/") else {
            throw ExportError.configuration(
                "jsonld: baseURL '\(base)' is not an absolute http(s) URL ending in '/'; JSON-LD @ids are built from it")
        }
        builder = GraphBuilder(settings: context.settings)
        site = ConfigurationFingerprint.site(context.settings)
    }

    /// The mapping, not a resource file, decides the output; bump when it changes so caches rebuild.
    public func fingerprint(variant: String) -> [UInt8] { Array("jsonld-graph-1 schema.org-30.0".utf8) }

    public func configurationFingerprint(collection: Bool) -> [UInt8] { site }

    public func render(_ item: LoadedSummary, variant: String, worker: WorkerCache) throws -> [OutputFile] {
        let data: Data
        do {
            data = try document(for: item).serialized()
        } catch {
            throw ExportError.render(summaryID: item.id, format: Self.info.name, message: "JSON serialization: \(error)")
        }
        return [OutputFile(path: Self.info.outputPath("\(item.id).jsonld"), data: data),
                OutputFile(path: Self.info.outputPath("\(item.id).html"), data: ScriptSnippet.html(json: data))]
    }

    public func renderCollection(_ library: [LoadedSummary], worker: WorkerCache) throws -> [OutputFile] {
        let data: Data
        do {
            data = try JSONLDDocument(graph: builder.collectionGraph(library)).serialized()
        } catch {
            throw ExportError.render(summaryID: "collection", format: Self.info.name, message: "JSON serialization: \(error)")
        }
        return [OutputFile(path: Self.info.outputPath("collection.jsonld"), data: data)]
    }

    /// The page's graph, before serialization (tests inspect it).
    public func document(for item: LoadedSummary) -> JSONLDDocument {
        JSONLDDocument(graph: builder.summaryGraph(item))
    }
}
