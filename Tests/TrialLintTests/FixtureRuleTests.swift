import Foundation
import Testing
import TestSupport
@testable import TrialLint
import TrialModel

/// Each fixture is the clean summary changed to trip one rule; its first line says which rule, and where:
/// `# expect: RULE at LINE:COL` (or `# expect: none`).
@Suite struct FixtureRuleTests {
    static let folder = TestSupport.repoRoot.appendingPathComponent("Tests/TrialLintTests/Fixtures")
    static let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        .filter { $0.hasSuffix(".yaml") }.sorted()

    static func lint(_ name: String) throws -> LintReport {
        let lib = Library.load(paths: [folder.appendingPathComponent(name).path])
        let loaded = try #require(lib.summaries.first, "\(name): \(lib.errors)")
        return Linter().lint(loaded)
    }

    @Test func thereAreAtLeastFifteenRuleFixtures() {
        #expect(Self.files.filter { $0 != "clean.yaml" }.count >= 15)
    }

    @Test func theCleanSummaryHasNoFindings() throws {
        let r = try Self.lint("clean.yaml")
        #expect(r.findings.isEmpty, "\(r.findings.map(\.description))")
        #expect(r.annexV.allSatisfy { $0.status == .present })
    }

    @Test(arguments: files.filter { $0 != "clean.yaml" })
    func eachFixtureTripsItsRuleWhereExpected(_ name: String) throws {
        let text = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
        let header = try #require(text.split(separator: "\n").first)
        let parts = header.split(separator: " ")   // # expect: RULE at L:C
        try #require(parts.count == 5, "bad header in \(name)")
        let rule = String(parts[2])
        let loc = parts[4].split(separator: ":").compactMap { Int($0) }
        let r = try Self.lint(name)
        #expect(!r.findings.isEmpty, "\(name) tripped nothing")
        #expect(r.findings.allSatisfy { $0.rule == rule }, "\(name): \(r.findings.map(\.description))")
        #expect(r.findings.contains { $0.line == loc[0] && $0.column == loc[1] }, "\(name): \(r.findings.map(\.description))")
    }

    @Test func draftsAreErrorsAndFailTheRun() throws {
        let r = try Self.lint("draft-field.yaml")
        #expect(r.findings.first?.level == .error)
        #expect(r.findings.first?.field == "trial.protocolNumber")
    }
}
