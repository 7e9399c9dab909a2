import Testing
import TestSupport
@testable import TrialModel

/// `counts: {arm: {people, of}}` behind a percentage: read, written back, and checked against the values.
@Suite struct CountsTests {
    @Test func countsMustGiveTheirPercentage() throws {
        var s = try TestSupport.patina().summary
        let i = try #require(s.outcomes.firstIndex { $0.kind == .percentage && !$0.values.isEmpty })
        let arm = s.outcomes[i].values[0]
        let people = Int((arm.value.value * 10).rounded())   // out of 1000: exact to 0.1%
        s.outcomes[i].counts = [ArmCount(arm: arm.arm, people: people, of: 1000)]
        let ok = SummaryReader.read(yaml: try SummaryWriter.yaml(s), file: "c.yaml")
        #expect(ok.summary == s, "\(ok.diagnostics)")
        s.outcomes[i].counts = [ArmCount(arm: arm.arm, people: people + 20, of: 1000)]
        let bad = SummaryReader.read(yaml: try SummaryWriter.yaml(s), file: "c.yaml")
        #expect(bad.diagnostics.contains { $0.severity == .error && $0.field == "outcomes[\(i)].counts.\(arm.arm)" && $0.message.contains("not the \(arm.value.text) given in values") })
    }
}
