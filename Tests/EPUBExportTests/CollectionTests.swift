import EPUBExport
import ExportKit
import Foundation
import FoundationXML
import Testing
import TestSupport
import TrialModel

/// The collection: title page, contents grouped by category in site order, one chapter per summary,
/// ids unique across chapters, one shared glossary.
@Suite struct CollectionTests {
    let library: [LoadedSummary]
    let entries: [(path: String, data: Data)]

    init() throws {
        library = try EPUBFixture.library(samples: 9)
        let epub = try EPUBFixture.exporter().renderCollection(library, worker: WorkerCache())[0].bytes()
        entries = try EPUBFixture.entries(epub)
    }

    private func xml(_ path: String) throws -> FoundationXML.XMLElement {
        try EPUBFixture.xml(try #require(entries.first { $0.path == path }).data)
    }

    @Test func spineIsTitleContentsChaptersGlossary() throws {
        let opf = try xml("EPUB/package.opf")
        let manifest = Dictionary(uniqueKeysWithValues: opf.descendants("item").map { ($0.attr("id")!, $0.attr("href")!) })
        let spine = opf.descendants("itemref").compactMap { manifest[$0.attr("idref") ?? ""] }
        #expect(spine == ["title.xhtml", "nav.xhtml"] + library.map { "s-\($0.id).xhtml" } + ["glossary.xhtml"])
        let modified = opf.descendants("meta").filter { $0.attr("property") == "dcterms:modified" }.map(\.text)
        #expect(modified == ["\(library.map(\.summary.reviewed).max()!)T00:00:00Z"])
        let identifier = opf.descendants("identifier").first?.text
        // uuid5(NAMESPACE_URL, "https://cleartrials.example.org/summaries/"): the collection's own identity.
        #expect(identifier == "urn:uuid:98182445-420a-5046-8a8b-6d94b43fe809")
    }

    @Test func contentsGroupedByCategoryInSiteOrder() throws {
        let nav = try xml("EPUB/nav.xhtml")
        let toc = try #require(nav.descendants("nav").first { $0.attr("epub:type") == "toc" })
        let topLevel = (toc.descendants("ol").first?.children ?? []).compactMap { $0 as? FoundationXML.XMLElement }
        let groups = topLevel.compactMap { li in li.elements(forName: "span").first?.text }
        let expected = library.map(\.summary.category).reduce(into: [Category]()) { if $0.last != $1 { $0.append($1) } }
        #expect(groups == expected.map(\.title))
        #expect(expected == expected.sorted())
        let chapterLinks = toc.descendants("a").compactMap { $0.attr("href") }.filter { !$0.contains("#") && $0.hasPrefix("s-") }
        #expect(chapterLinks == library.map { "s-\($0.id).xhtml" })
        let landmarks = try #require(nav.descendants("nav").first { $0.attr("epub:type") == "landmarks" })
        #expect(landmarks.descendants("a").map { $0.attr("epub:type") ?? "" } == ["titlepage", "toc", "bodymatter", "glossary"])
    }

    @Test func idsUniqueAcrossChaptersAndLinksResolve() throws {
        var ids: [String: String] = [:]
        var hrefs: [(String, String)] = []
        for (path, data) in entries where path.hasSuffix(".xhtml") {
            let file = String(path.dropFirst("EPUB/".count))
            func walk(_ e: FoundationXML.XMLElement) {
                if let id = e.attr("id") {
                    #expect(ids[id] == nil || path.hasSuffix("nav.xhtml"), "id \(id) in \(file) and \(ids[id] ?? "")")
                    ids[id] = file
                }
                if e.localName == "a", let href = e.attr("href"), !href.hasPrefix("http") { hrefs.append((file, href)) }
                for case let c as FoundationXML.XMLElement in e.children ?? [] { walk(c) }
            }
            walk(try EPUBFixture.xml(data))
        }
        for (from, href) in hrefs {
            let parts = href.split(separator: "#", maxSplits: 1).map(String.init)
            let target = href.hasPrefix("#") ? from : parts[0]
            #expect(entries.contains { $0.path == "EPUB/" + target }, "\(from): \(href) points nowhere")
            if href.contains("#") { #expect(ids[parts.last!] == target, "\(from): \(href) has no target") }
        }
    }

    @Test func oneSharedGlossary() throws {
        let glossary = try xml("EPUB/glossary.xhtml")
        let terms = glossary.descendants("dt").map(\.text)
        // Samples share terms (progression-free survival, hazard ratio…): listed once, not once per chapter.
        #expect(terms.count == Set(terms).count)
        #expect(terms.contains("Hazard ratio"))
        #expect(terms == terms.sorted { $0.lowercased() < $1.lowercased() })
        for (path, data) in entries where path.hasPrefix("EPUB/s-") {
            let chapter = try EPUBFixture.xml(data)
            #expect(chapter.descendants("dfn").isEmpty, "\(path) has its own glossary")
            #expect(chapter.descendants("a").filter { $0.attr("epub:type") == "glossref" }
                .allSatisfy { $0.attr("href")?.hasPrefix("glossary.xhtml#") == true })
        }
    }
}
