import Foundation
import Testing
import TestSupport

/// `trialexport lint` exit codes and formats, end to end.
@Suite struct LintCommandTests {
    static let fixtures = "Tests/TrialLintTests/Fixtures"

    @Test func exitCodesFollowTheErrorLevel() throws {
        #expect(try CLI.run(["lint", "\(Self.fixtures)/clean.yaml"]).status == 0)
        let draft = try CLI.run(["lint", "\(Self.fixtures)/draft-field.yaml"])
        #expect(draft.status == 1)
        #expect(draft.stdout.contains("draft-field.yaml:17:27: error: [draft] trial.protocolNumber:"))
        #expect(try CLI.run(["lint", "summaries"]).status == 0)   // warnings only, failOn: error
        let folder = try TestSupport.temporaryFolder()
        let config = folder.appendingPathComponent("t.yaml")
        try Data("lint:\n  failOn: warning\n".utf8).write(to: config)
        #expect(try CLI.run(["lint", "summaries", "--config", config.path]).status == 1)
    }

    @Test func usageErrorsExitWithTwo() throws {
        #expect(try CLI.run(["lint", "--format", "xml"]).status == 2)
        #expect(try CLI.run(["lint", "--max-grade", "50"]).status == 2)
    }

    @Test func maxGradeOverridesTheSettingAndJSONParses() throws {
        let r = try CLI.run(["lint", "\(Self.fixtures)/clean.yaml", "--max-grade", "2", "--format", "json"])
        #expect(r.status == 0)
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let s = try #require((obj["summaries"] as? [[String: Any]])?.first)
        let rules = (s["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        #expect(rules == ["grade-above-target"])
    }
}
