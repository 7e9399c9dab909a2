import Foundation
import Testing
import TestSupport
@testable import TrialLint
import TrialModel

/// Cross-checks the Flesch–Kincaid grade of every paragraph against PyPI textstat 0.7.3 (pinned in the
/// Makefile, run from the project's venv): PATINA's paragraphs and those in Fixtures/paragraphs.txt.
@Suite struct TextstatOracleTests {
    static func paragraphs() throws -> [String] {
        let patina = TextUnit.all(in: try TestSupport.patina().summary).map(\.plain).filter { Words.split($0).count >= 12 }
        let own = try String(contentsOf: TestSupport.repoRoot.appendingPathComponent("Tests/TrialLintTests/Fixtures/paragraphs.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init).filter { !$0.isEmpty && !$0.hasPrefix("#") }
        return patina + own
    }

    @Test func gradeIsWithinOneOfTextstatOnEveryParagraph() throws {
        let texts = try Self.paragraphs()
        #expect(texts.count >= 30)
        let python = TestSupport.repoRoot.appendingPathComponent(".venv/bin/python3").path
        let script = TestSupport.repoRoot.appendingPathComponent("Tests/TrialLintTests/textstat_grades.py").path
        let input = try JSONSerialization.data(withJSONObject: texts)
        let run = try TestSupport.run(python, [script], stdin: input)
        try #require(run.status == 0, "textstat oracle failed (is the venv installed? make venv): \(run.stderr)")
        let out = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: [Double]])
        let theirs = try #require(out["grades"]), raw = try #require(out["raw"])
        try #require(theirs.count == texts.count)
        var diffs: [Double] = []
        for (text, t) in zip(texts, theirs) {
            let mine = try #require(Readability(stats: TextStats.of(text, language: "en"), language: "en").fleschKincaidGrade)
            diffs.append(mine - t)
            #expect(abs(mine - t) <= 1.0, "grade \(mine) vs textstat \(t): \(text)")
        }
        let mean = diffs.reduce(0, +) / Double(diffs.count)
        let meanAbs = diffs.map(abs).reduce(0, +) / Double(diffs.count)
        var rawOff = 0
        for (text, t) in zip(texts, raw) {
            let mine = Readability(stats: TextStats.of(text, language: "en"), language: "en").fleschKincaidGrade ?? 0
            if abs(mine - t) > 1.0 { rawOff += 1 }
        }
        print("textstat 0.7.3 oracle: \(rawOff) paragraphs differ by more than 1.0 from textstat on the raw text (decimal points split its sentences)")
        print("textstat 0.7.3 oracle: \(texts.count) paragraphs, mean difference \(String(format: "%+.3f", mean)), mean |difference| \(String(format: "%.3f", meanAbs)), max |difference| \(String(format: "%.2f", diffs.map(abs).max() ?? 0))")
    }
}
