import Foundation
import Testing
import TestSupport
@testable import TrialModel

@Suite struct ContentPlanTests {
    @Test func patinaFullPlanFollowsTheSourceOrder() throws {
        let item = try TestSupport.patina()
        let s = item.summary
        let plan = item.views.plan.parts
        #expect(plan.first == .title(lead: true) && plan[1] == .keyFacts && plan.last == .about)
        let sections = plan.compactMap { if case .section(let i) = $0 { s.sections[i].kind } else { nil } }
        #expect(sections.last == .disclaimer && sections.dropLast().allSatisfy { $0 != .disclaimer })
        #expect(sections.count == s.sections.count)
        #expect(plan.firstIndex(of: .glossary)! < plan.firstIndex(of: .section(s.sections.count - 1))!)
        // PATINA places every outcome: no "More results".
        #expect(!plan.contains { if case .outcomes = $0 { true } else { false } })
        #expect(Set(item.views.plan.outcomeIDs(in: s)) == Set(s.outcomes.map(\.id)))
    }

    @Test func unplacedOutcomesGetMoreResultsBeforeTheGlossary() throws {
        let s = try #require(TestSummaries.minimal(values: ["20.0", "10.0"], placeAE: false))
        let plan = SummaryViews(s).plan.parts
        let more = try #require(plan.firstIndex(of: .outcomes(.moreResults, ids: ["ae"])))
        #expect(more < plan.firstIndex(of: .glossary)!)
        #expect(SummaryViews(s).plan.outcomeIDs(in: s) == ["pfs", "ae"])
    }

    @Test func patinaBriefSelectsTheHandoverParts() throws {
        let item = try TestSupport.patina()
        let s = item.summary
        let brief = item.views.brief.parts
        #expect(brief.contains(.outcomes(.mainResult, ids: ["pfs"])))
        #expect(brief.contains(.outcomes(.sideEffects, ids: ["grade3-ae", "grade4-ae"])))
        let kinds = brief.compactMap { if case .section(let i) = $0 { s.sections[i].kind } else { nil } }
        #expect(kinds == [.bottomLine, .whatItMeans, .disclaimer])
        #expect(brief.first == .title(lead: true) && brief.last == .about && !brief.contains(.glossary))
    }

    @Test func briefLeaveOutDropsPartsAndOutcomes() throws {
        var s = try TestSupport.patina().summary
        s.brief = BriefChoice(leaveOutParts: [.whatItMeans, .lead], leaveOutOutcomes: ["grade4-ae"])
        let brief = SummaryViews(s).brief.parts
        #expect(brief.first == .title(lead: false))
        #expect(brief.contains(.outcomes(.sideEffects, ids: ["grade3-ae"])))
        #expect(!brief.contains { if case .section(let i) = $0 { s.sections[i].kind == .whatItMeans } else { false } })
    }

    @Test func briefKeyIsReadWrittenAndChecked() throws {
        let patina = try String(contentsOf: TestSupport.summariesFolder.appendingPathComponent("patina.yaml"), encoding: .utf8)
        let dir = try TestSupport.temporaryFolder()
        let good = dir.appendingPathComponent("good.yaml")
        try (patina + "brief:\n  leaveOut: [what-it-means, grade4-ae]\n").write(to: good, atomically: true, encoding: .utf8)
        let lib = Library.load(paths: [good.path])
        let s = try #require(lib.summaries.first?.summary)
        #expect(s.brief == BriefChoice(leaveOutParts: [.whatItMeans], leaveOutOutcomes: ["grade4-ae"]))
        let back = dir.appendingPathComponent("back.yaml")
        try SummaryWriter.yaml(s).write(to: back, atomically: true, encoding: .utf8)
        #expect(Library.load(paths: [back.path]).summaries.first?.summary == s)

        let bad = dir.appendingPathComponent("bad.yaml")
        try (patina + "brief:\n  leaveOut: [side-efects]\n").write(to: bad, atomically: true, encoding: .utf8)
        let badLib = Library.load(paths: [bad.path])
        #expect(badLib.diagnostics.contains { $0.severity == .error && $0.field.hasPrefix("brief.leaveOut")
            && $0.message.contains("did you mean 'side-effects'?") }, "\(badLib.diagnostics)")
    }
}
