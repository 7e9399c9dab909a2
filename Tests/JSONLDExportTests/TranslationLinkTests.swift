import ExportKit
import Foundation
import Testing
import TestSupport
import TrialModel
@testable import JSONLDExport

/// A translation's page names its original; the collection lists versions together, linked both ways; the
/// documents pass `check-jsonld --strict`.
@Suite struct TranslationLinkTests {
    @Test func translationNamesItsOriginal() throws {
        let es = try TestSupport.patinaVersions().es
        let files = try JSONLDFixtures.render(es)
        let doc = try JSONSerialization.jsonObject(with: try #require(files["jsonld/patina-es.jsonld"])) as? [String: Any]
        let page = try #require((doc?["@graph"] as? [[String: Any]])?.first)
        #expect(page["inLanguage"] as? String == "es")
        let original = try #require(page["translationOfWork"] as? [String: Any])
        #expect(original["@id"] as? String == "https://cleartrials.example.org/summaries/patina#webpage")
        let check = try JSONLDFixtures.check(files)
        #expect(check.status == 0, "\(check.output)")
    }

    @Test func collectionGroupsVersions() throws {
        let (en, es) = try TestSupport.patinaVersions()
        let other = TestSupport.sample(.de)
        let files = try JSONLDFixtures.exporter().renderCollection([es, other, en], worker: WorkerCache())
        let data = try #require(try files.first?.bytes())
        let doc = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let list = try #require((doc?["@graph"] as? [[String: Any]])?.first)
        let pages = (list["itemListElement"] as? [[String: Any]] ?? []).compactMap { $0["item"] as? [String: Any] }
        #expect(pages.map { $0["inLanguage"] as? String } == ["de", "en", "es"], "the original, then its translation")
        let enPage = pages[1], esPage = pages[2]
        #expect((enPage["workTranslation"] as? [[String: Any]])?.first?["@id"] as? String == esPage["@id"] as? String)
        #expect((esPage["translationOfWork"] as? [String: Any])?["@id"] as? String == enPage["@id"] as? String)
        let check = try JSONLDFixtures.check(["collection.jsonld": data])
        #expect(check.status == 0, "\(check.output)")
    }
}
