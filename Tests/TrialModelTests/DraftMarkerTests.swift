import Testing
import TestSupport
@testable import TrialModel

/// `{draft: VALUE, note: WHY}` loads as VALUE, is warned about where it is written, and survives the writer.
@Suite struct DraftMarkerTests {
    @Test func draftsLoadWarnAndRoundTrip() throws {
        var s = try TestSupport.patina().summary
        s.drafts = ["title": "rewrite", "trial.enrollment": "", "sections[0].content[0].paragraph": "plain words",
                    "arms[1].label": "check"]
        let yaml = try SummaryWriter.yaml(s)
        #expect(yaml.contains("title:\n  draft: "))
        let r = SummaryReader.read(yaml: yaml, file: "d.yaml")
        let back = try #require(r.summary, "\(r.diagnostics)")
        #expect(back == s)
        let drafts = r.diagnostics.filter { $0.message.hasPrefix("draft:") }
        #expect(Set(drafts.map(\.field)) == Set(s.drafts.keys))
        #expect(drafts.allSatisfy { $0.severity == .warning })
        let title = try #require(drafts.first { $0.field == "title" })
        #expect(title.line == 4 && title.message.hasSuffix("(rewrite)"))   // the `draft:` line under `title:`
        #expect(FieldPositions(yaml: yaml).position(of: "title").line == 4)
    }

    @Test func theWrappedValueIsCheckedLikeAnyOther() throws {
        var yaml = try SummaryWriter.yaml(try TestSupport.patina().summary)
        yaml = yaml.replacingOccurrences(of: "  enrollment: 518", with: "  enrollment: {draft: many}")
        let r = SummaryReader.read(yaml: yaml, file: "d.yaml")
        #expect(r.summary == nil)
        #expect(r.diagnostics.contains { $0.field == "trial.enrollment" && $0.severity == .error && $0.message.contains("whole number") })
    }

    @Test func anArmCalledDraftIsNotADraftWrapper() throws {
        var s = try TestSupport.patina().summary
        let old = s.arms[0].id
        s.arms[0].id = "draft"
        for i in s.outcomes.indices {
            s.outcomes[i].values = s.outcomes[i].values.map { ArmValue(arm: $0.arm == old ? "draft" : $0.arm, value: $0.value) }
        }
        let r = SummaryReader.read(yaml: try SummaryWriter.yaml(s), file: "d.yaml")
        #expect(r.summary == s, "\(r.diagnostics)")
        #expect(!r.diagnostics.contains { $0.message.hasPrefix("draft:") })
    }
}
