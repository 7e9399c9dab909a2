import ExportKit
import Foundation
import JSONLDExport
import TestSupport
import Testing
import TrialModel

@Suite struct GoldenTests {
    /// `UPDATE_GOLDEN=1 swift test --filter JSONLDExportTests` rewrites the golden files (and fails); rerun to check.
    @Test func patinaMatchesGolden() throws {
        let files = try JSONLDFixtures.render(TestSupport.patina())
        for name in ["patina.jsonld", "patina.html"] {
            let actual = try #require(files["jsonld/" + name])
            try TestSupport.expectGolden(actual, at: JSONLDFixtures.goldenFolder.appendingPathComponent(name))
        }
    }

    @Test func collectionMatchesGolden() throws {
        let files = try JSONLDFixtures.exporter().renderCollection([TestSupport.patina()], worker: WorkerCache())
        let actual = try #require(try files.first { $0.path == "jsonld/collection.jsonld" }?.bytes())
        try TestSupport.expectGolden(actual, at: JSONLDFixtures.goldenFolder.appendingPathComponent("collection.jsonld"))
    }

    @Test func rerunsAreByteIdentical() throws {
        let item = try TestSupport.patina()
        let first = try JSONLDFixtures.render(item)
        for _ in 0..<3 { #expect(try JSONLDFixtures.render(item) == first) }
        let exporter = try JSONLDFixtures.exporter()
        let a = try exporter.renderCollection([item], worker: WorkerCache())
        let b = try exporter.renderCollection([item], worker: WorkerCache())
        #expect(a.map(\.path) == ["jsonld/collection.jsonld"])
        #expect(try a.map { try $0.bytes() } == b.map { try $0.bytes() })
    }

    @Test func outputPathsAndSnippetCarriesTheDocument() throws {
        let files = try JSONLDFixtures.render(TestSupport.patina())
        #expect(Set(files.keys) == ["jsonld/patina.jsonld", "jsonld/patina.html"])
        let html = String(decoding: try #require(files["jsonld/patina.html"]), as: UTF8.self)
        #expect(html.hasPrefix("<script type=\"application/ld+json\">\n"))
        #expect(html.hasSuffix("\n</script>\n"))
        let body = html.dropFirst("<script type=\"application/ld+json\">\n".count).dropLast("\n</script>\n".count)
        #expect(try JSONLDDocument.parse(Data(body.utf8)) == JSONLDDocument.parse(try #require(files["jsonld/patina.jsonld"])))
    }

    @Test func collectionListsPagesInTheGivenOrder() throws {
        let patina = try TestSupport.patina()
        let other = try JSONLDFixtures.patina { s in
            s.id = "zeta"
            s.title = "ZETA: an earlier-category summary"
            s.category = .understandingTheDisease
        }
        let files = try JSONLDFixtures.exporter().renderCollection([other, patina], worker: WorkerCache())
        let doc = try JSONLDDocument.parse(try #require(try files.first?.bytes()))
        let list = try #require(doc.graphNodes.first { $0.type == "ItemList" })
        #expect(list["numberOfItems"] == 2)
        let items = try #require(list["itemListElement"]?.arrayValue)
        #expect(items.map { $0["position"] } == [1, 2])
        #expect(items.compactMap { $0["item"]?["url"]?.stringValue } == [
            "https://cleartrials.example.org/summaries/zeta", "https://cleartrials.example.org/summaries/patina"])
        #expect(items.compactMap { $0["item"]?["@id"]?.stringValue }.allSatisfy { $0.hasSuffix("#webpage") })
    }
}

@Suite struct ConfigurationTests {
    @Test func relativeOrMalformedBaseURLIsAConfigurationError() {
        for bad in ["summaries/", "/summaries/", "ftp://example.org/", "https:///nohost/", ""] {
            var settings = Settings.defaults
            settings.baseURL = bad
            #expect(throws: ExportError.self, "baseURL '\(bad)'") { try JSONLDFixtures.exporter(settings: settings) }
            do { _ = try JSONLDFixtures.exporter(settings: settings) } catch let ExportError.configuration(message) {
                #expect(message.contains("baseURL"))
            } catch { Issue.record("unexpected \(error)") }
        }
    }

    @Test func idsFollowTheConfiguredBaseURL() throws {
        var settings = Settings.defaults
        settings.baseURL = "https://trials.example.net/de/"
        let data = try #require(try JSONLDFixtures.render(TestSupport.patina(), settings: settings)["jsonld/patina.jsonld"])
        let ids = try JSONLDDocument.parse(data).graphNodes.compactMap { $0["@id"]?.stringValue }
        #expect(!ids.isEmpty)
        #expect(ids.allSatisfy { $0.hasPrefix("https://trials.example.net/de/") })
    }
}
