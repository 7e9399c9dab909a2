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
