import Testing
import TestSupport
@testable import TrialModel

@Suite struct RoundTripTests {
    private func roundTrip(_ s: Summary) throws -> Summary? {
        let yaml = try SummaryWriter.yaml(s)
        let r = SummaryReader.read(yaml: yaml, file: "roundtrip.yaml")
        #expect(r.diagnostics.filter { $0.severity == .error }.isEmpty, "\(r.diagnostics)")
        return r.summary
    }

    @Test func sampleCorpusSurvivesModelToYAMLToModel() throws {
        for s in SampleGenerator(seed: 7).summaries(count: 60) {
            #expect(try roundTrip(s) == s, "\(s.id)")
        }
    }

    @Test func patinaSurvivesModelToYAMLToModel() throws {
        let s = try TestSupport.patina().summary
        #expect(try roundTrip(s) == s)
    }

    @Test func annexVFieldsSurviveModelToYAMLToModel() throws {
        var s = try TestSupport.patina().summary
        s.trial.protocolNumber = "PATINA-01"
        s.trial.euTrialNumber = "2016-001234-56"
        s.trial.sponsorContact = "Alliance Foundation Trials, Boston, USA"
        s.trial.population = Population(regions: [.init(label: "EU", people: 200), .init(label: "Outside the EU", people: 318)],
                                        ageGroups: [.init(label: "65 and over", people: 90)], sexes: [])
        s.trial.eligibility = Eligibility(inclusion: ["HER2-positive, hormone-receptor-positive breast cancer"], exclusion: [])
        s.trial.followUpTrials = "None planned"
        #expect(try roundTrip(s) == s)
        let bad = try SummaryWriter.yaml(s).replacingOccurrences(of: "\"2016-001234-56\"", with: "\"NCT02947685\"")
        let r = SummaryReader.read(yaml: bad, file: "bad.yaml")
        #expect(r.diagnostics.contains { $0.field == "trial.euTrialNumber" && $0.severity == .error })
    }

    @Test func samplesAreDeterministicAndVaried() {
        let a = SampleGenerator(seed: 1).summaries(count: 30)
        #expect(a == SampleGenerator(seed: 1).summaries(count: 30))
        #expect(Set(a.map(\.category)).count == Category.allCases.count)
        #expect(Set(a.map(\.arms.count)) == [2, 3, 4])
        #expect(a.allSatisfy { $0.title.hasPrefix("[Fictional]") })
        #expect(a.contains { $0.outcomes.contains { $0.values.isEmpty } })
        #expect(a.contains { $0.allText.joined().unicodeScalars.contains { $0.value > 0x2000 || ($0.value > 0x7F && $0.value < 0x250) } })
    }
}
