import ExportKit
import Testing
import TestSupport
import TrialModel
@testable import DigestExport

/// The EU CTR Annex V trial fields appear in the digest's key facts.
@Suite struct AnnexVFieldsTests {
    @Test func keyFactsShowWhoTookPartAndTheSponsorContact() throws {
        let base = try TestSupport.patina()
        var s = base.summary
        s.trial.population = Population(sexes: [.init(label: "Women", people: 518)])
        s.trial.eligibility = Eligibility(exclusion: ["Brain metastases that were not treated"])
        s.trial.sponsorContact = "trials@example.org"
        let item = LoadedSummary(summary: s, sourcePath: base.sourcePath, sourceBytes: base.sourceBytes)
        let files = try Fixture.exporter().render(item, variant: "", worker: WorkerCache())
        // Lines wrap at 72 columns: compare with the whitespace folded.
        let text = String(decoding: try files[0].bytes(), as: UTF8.self).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("Women: 518"))
        #expect(text.contains("Brain metastases that were not treated"))
        #expect(text.contains("trials@example.org"))
    }
}
