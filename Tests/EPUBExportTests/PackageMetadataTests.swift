import EPUBExport
import ExportKit
import Foundation
import FoundationXML
import Testing
import TestSupport
import TrialModel

/// The package document of the PATINA EPUB: identity, language, dates and EPUB Accessibility 1.1 metadata.
@Suite struct PackageMetadataTests {
    let opf: FoundationXML.XMLElement

    init() throws {
        opf = try EPUBFixture.xml(EPUBFixture.file(EPUBFixture.patinaEPUB(), "EPUB/package.opf"))
    }

    private func meta(_ property: String) -> [String] {
        opf.descendants("meta").filter { $0.attr("property") == property }.map(\.text)
    }

    private func dc(_ name: String) -> [String] { opf.descendants(name).map(\.text) }

    @Test func identityLanguageAndDates() throws {
        #expect(opf.attr("version") == "3.0")
        let uid = try #require(opf.attr("unique-identifier"))
        let identifier = try #require(opf.descendants("identifier").first { $0.attr("id") == uid })
        // uuid5(NAMESPACE_URL, "https://cleartrials.example.org/summaries/patina") as Python computes it.
        #expect(identifier.text == "urn:uuid:e5403b4c-a4f0-5f6f-b30d-b3d0900ba70a")
        #expect(dc("language") == ["en"])
        #expect(opf.attr("xml:lang") == "en")
        #expect(dc("title") == ["PATINA: adding palbociclib to maintenance therapy for HER2-positive breast cancer"])
        #expect(dc("creator") == ["Clear Trials editorial team"])
        #expect(dc("publisher") == ["Clear Trials"])
        #expect(dc("subject") == ["Treating the cancer", "Breast"])
        #expect(meta("dcterms:modified") == ["2026-06-01T00:00:00Z"])
    }

    @Test func accessibilityMetadata() {
        #expect(meta("schema:accessMode") == ["textual", "visual"])
        #expect(meta("schema:accessModeSufficient") == ["textual"])
        #expect(Set(meta("schema:accessibilityFeature")) == [
            "structuralNavigation", "tableOfContents", "readingOrder", "displayTransformability",
            "alternativeText", "longDescription",
        ])
        #expect(meta("schema:accessibilityHazard") == ["none"])
        #expect(meta("schema:accessibilitySummary").count == 1)
        #expect(meta("schema:accessibilitySummary").first?.isEmpty == false)
        // Evaluated with axe-core and EPUBCheck in `make checks` (check-axe.sh, check-epub.sh).
        #expect(meta("dcterms:conformsTo") == ["EPUB Accessibility 1.1 - WCAG 2.2 Level AA"])
        #expect(meta("a11y:certifiedBy") == ["Clear Trials editorial team"])
    }

    @Test func manifestDeclaresInlineSVGAndNav() {
        let items = opf.descendants("item")
        #expect(items.first { $0.attr("href") == "summary.xhtml" }?.attr("properties") == "svg")
        #expect(items.first { $0.attr("href") == "nav.xhtml" }?.attr("properties") == "nav")
        #expect(opf.descendants("itemref").map { $0.attr("idref") } == ["summary"])
    }
}

/// Without charts there is no visual content: the metadata must not claim it (nor alt text for it).
@Suite struct TextOnlyPackageTests {
    @Test func noChartsMeansTextualOnly() throws {
        var s = try TestSupport.patina().summary
        for i in s.outcomes.indices {
            s.outcomes[i].values = []
            s.outcomes[i].effect = nil
        }
        let item = LoadedSummary(summary: s, sourcePath: "x.yaml", sourceBytes: [])
        #expect(item.views.charts.isEmpty)
        let epub = try EPUBFixture.exporter().render(item, variant: "", worker: WorkerCache())[0].bytes()
        let opf = try EPUBFixture.xml(EPUBFixture.file(epub, "EPUB/package.opf"))
        func meta(_ p: String) -> [String] { opf.descendants("meta").filter { $0.attr("property") == p }.map(\.text) }
        #expect(meta("schema:accessMode") == ["textual"])
        #expect(!meta("schema:accessibilityFeature").contains("alternativeText"))
        #expect(opf.descendants("item").allSatisfy { $0.attr("properties") != "svg" })
        let content = try EPUBFixture.xml(EPUBFixture.file(epub, "EPUB/summary.xhtml"))
        #expect(content.descendants("svg").isEmpty)
    }
}
