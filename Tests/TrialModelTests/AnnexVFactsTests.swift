import Testing
import TestSupport
@testable import TrialModel

/// The EU CTR Annex V fields reach every format through the key facts; a summary without them is unchanged.
@Suite struct AnnexVFactsTests {
    static func withFields(_ s: Summary) -> Summary {
        var s = s
        s.trial.protocolNumber = "PATINA-01"
        s.trial.euTrialNumber = "2016-001234-56"
        s.trial.sponsorContact = "trials@example.org"
        s.trial.population = Population(regions: [.init(label: "EU", people: 200)], ageGroups: [.init(label: "65 and over", people: 90)])
        s.trial.eligibility = Eligibility(inclusion: ["Adults with breast cancer"], exclusion: ["Earlier palbociclib"])
        s.trial.followUpTrials = "None planned"
        return s
    }

    @Test func keyFactsShowTheNewFieldsWhereReadersLook() throws {
        let base = try TestSupport.patina().summary
        let facts = SummaryViews(Self.withFields(base)).keyFacts.facts
        let labels = facts.map(\.label)
        let people = try #require(labels.firstIndex(of: "People"))
        #expect(labels[people + 1] == "Who took part" && facts[people + 1].value == "EU: 200; 65 and over: 90")
        #expect(labels.contains("Who could join") && labels.contains("Who could not join"))
        #expect(labels.suffix(4) == ["Protocol number", "EU trial number", "Sponsor contact", "Follow-up trials"])
        #expect(SummaryViews(base).keyFacts.facts.count == facts.count - 7)
    }
}
