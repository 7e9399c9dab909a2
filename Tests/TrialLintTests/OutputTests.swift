import Foundation
import Testing
import TestSupport
@testable import TrialLint
import TrialModel

@Suite struct OutputTests {
    static func reports() throws -> [LintReport] {
        let folder = TestSupport.repoRoot.appendingPathComponent("Tests/TrialLintTests/Fixtures")
        let lib = Library.load(paths: [folder.path, TestSupport.summariesFolder.appendingPathComponent("patina.yaml").path])
        return Linter().lint(lib.summaries)
    }

    static func python(_ script: String, stdin: Data) throws -> (status: Int32, stdout: String, stderr: String) {
        let python = TestSupport.repoRoot.appendingPathComponent(".venv/bin/python3").path
        return try TestSupport.run(python, [TestSupport.repoRoot.appendingPathComponent("Tests/TrialLintTests/\(script)").path], stdin: stdin)
    }

    @Test func sarifIsValidAgainstThe210SchemaModel() throws {
        let data = try LintOutput.sarif(try Self.reports(), toolVersion: "0.0.0-test")
        let r = try Self.python("check_sarif.py", stdin: data)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("ok: "))
    }

    @Test func theSarifCheckRejectsABrokenLog() throws {
        var doc = try #require(try JSONSerialization.jsonObject(with: try LintOutput.sarif(try Self.reports(), toolVersion: "0")) as? [String: Any])
        doc["version"] = "2.0.0"
        doc["unexpected"] = true
        let r = try Self.python("check_sarif.py", stdin: try JSONSerialization.data(withJSONObject: doc))
        #expect(r.status != 0)
    }

    @Test func jsonIsSortedAndStable() throws {
        let reports = try Self.reports()
        let a = try LintOutput.json(reports)
        #expect(a == (try LintOutput.json(reports.reversed())))
        let obj = try #require(try JSONSerialization.jsonObject(with: a) as? [String: Any])
        #expect((obj["summaries"] as? [Any])?.count == reports.count)
    }

    /// The report's hand-written encoding (nested containers) writes every field: decoding the JSON with the
    /// synthesized decoding gives the same reports, optional scores and notes included.
    @Test func jsonDecodesBackToTheSameReports() throws {
        let reports = LintOutput.ordered(try Self.reports())
        struct Document: Decodable { var summaries: [LintReport] }
        let back = try JSONDecoder().decode(Document.self, from: try LintOutput.json(reports)).summaries
        #expect(back == reports)
        let sections = reports.flatMap(\.sections)
        #expect(sections.contains { $0.readability.smog == nil } && sections.contains { $0.readability.smog != nil })
    }

    @Test func textIsGroupedBySummaryWorstFirst() throws {
        let text = LintOutput.text(try Self.reports(), settings: .defaults)
        let headers = text.split(separator: "\n").filter { !$0.hasPrefix(" ") && $0.contains("errors,") }
        #expect(headers.first?.contains("(draft-") == true)   // drafts are the only errors
        #expect(text.hasSuffix("above grade 8\n"))
    }
}
