import EPUBExport
import ExportKit
import Foundation
import FoundationXML
import TestSupport
import TrialModel
import ZIPFoundation

/// Renders EPUBs in memory and opens them the way a reading system would: ZIP entries in order, XML parsed.
enum EPUBFixture {
    static func exporter() throws -> EPUBExporter { try EPUBExporter(context: TestSupport.context()) }

    static func patinaEPUB() throws -> Data {
        try exporter().render(TestSupport.patina(), variant: "", worker: WorkerCache())[0].bytes()
    }

    /// PATINA plus `count` generated summaries, in category order as the batch engine passes them.
    static func library(samples count: Int) throws -> [LoadedSummary] {
        let samples = SampleGenerator(seed: 7).summaries(count: count).map {
            LoadedSummary(summary: $0, sourcePath: "sample/\($0.id).yaml", sourceBytes: [])
        }
        return try ([TestSupport.patina()] + samples).enumerated()
            .sorted { ($0.element.summary.category, $0.offset) < ($1.element.summary.category, $1.offset) }.map(\.element)
    }

    /// ZIP entries in archive order.
    static func entries(_ epub: Data) throws -> [(path: String, data: Data)] {
        let archive = try Archive(data: epub, accessMode: .read)
        return try archive.map { entry in
            var data = Data()
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
            return (entry.path, data)
        }
    }

    static func file(_ epub: Data, _ path: String) throws -> Data {
        guard let e = try entries(epub).first(where: { $0.path == path }) else { throw TestFailure("no \(path) in EPUB") }
        return e.data
    }

    static func xml(_ data: Data) throws -> FoundationXML.XMLElement {
        let doc = try FoundationXML.XMLDocument(data: data, options: [.nodePreserveWhitespace])
        guard let root = doc.rootElement() else { throw TestFailure("no root element") }
        return root
    }
}

extension FoundationXML.XMLElement {
    /// Every descendant element with this local name, in document order.
    func descendants(_ localName: String) -> [FoundationXML.XMLElement] {
        var out: [FoundationXML.XMLElement] = []
        for case let child as FoundationXML.XMLElement in children ?? [] {
            if child.localName == localName { out.append(child) }
            out += child.descendants(localName)
        }
        return out
    }

    /// Attribute by qualified name. Searches the list itself: FoundationXML's `attribute(forName:)` misses
    /// unprefixed attributes on elements in a default namespace (e.g. `class` on XHTML elements).
    func attr(_ name: String) -> String? { attributes?.first { $0.name == name }?.stringValue }

    /// All text of the element, as a reader would get it.
    var text: String { stringValue ?? "" }
}
