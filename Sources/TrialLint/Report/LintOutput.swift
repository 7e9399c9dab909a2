import Foundation
import TrialModel

/// The three forms of a lint run: text for editors, JSON for scripts, SARIF 2.1.0 for code-scanning annotations.
public enum LintOutput {
    /// Worst summaries first: by worst level, then number of errors, warnings, then grade.
    public static func ordered(_ reports: [LintReport]) -> [LintReport] {
        reports.sorted { a, b in
            let ka = (a.worst.map { $0 == .error ? 3 : $0 == .warning ? 2 : 1 } ?? 0, a.count(.error), a.count(.warning), a.readability.grade ?? 0)
            let kb = (b.worst.map { $0 == .error ? 3 : $0 == .warning ? 2 : 1 } ?? 0, b.count(.error), b.count(.warning), b.readability.grade ?? 0)
            if ka != kb { return ka > kb }
            return a.file < b.file
        }
    }

    public static func text(_ reports: [LintReport], settings: LintSettings) -> String {
        var out: [String] = []
        for r in ordered(reports) {
            out.append("\(r.file) (\(r.id)): \(scores(r.readability)); \(r.count(.error)) errors, \(r.count(.warning)) warnings, \(r.count(.note)) notes")
            for s in r.sections {
                out.append("  " + pad(s.heading, 44) + " " + scores(s.readability))
            }
            out.append("  Annex V: " + r.annexV.map { "\($0.number) \($0.status.rawValue)" }.joined(separator: " · "))
            for f in r.findings { out.append("  " + f.description) }
            out.append("")
        }
        let errors = reports.map { $0.count(.error) }.reduce(0, +)
        let warnings = reports.map { $0.count(.warning) }.reduce(0, +)
        let notes = reports.map { $0.count(.note) }.reduce(0, +)
        let over = reports.filter { ($0.readability.grade ?? 0) > settings.maxGrade }.count
        out.append("\(reports.count) summaries linted: \(errors) errors, \(warnings) warnings, \(notes) notes; \(over) above grade \(fmt(settings.maxGrade, 0))")
        return out.joined(separator: "\n") + "\n"
    }

    static func scores(_ r: Readability) -> String {
        var parts: [String] = []
        if let g = r.fleschKincaidGrade { parts.append("grade \(fmt(g))") }
        if let e = r.fleschReadingEase { parts.append("reading ease \(fmt(e))") }
        if let s = r.smog { parts.append("SMOG \(fmt(s))") }
        if let x = r.fernandezHuerta { parts.append("Fernández-Huerta \(fmt(x))") }
        if let x = r.kandelMoles { parts.append("Kandel–Moles \(fmt(x))") }
        if let x = r.amstad { parts.append("Amstad \(fmt(x))") }
        parts.append("\(fmt(r.wordsPerSentence)) words/sentence")
        parts.append("\(fmt(r.longWordPercent, 0))% long words")
        if let n = r.note { parts.append(n) }
        return parts.joined(separator: ", ")
    }

    static func fmt(_ d: Double, _ decimals: Int = 1) -> String { String(format: "%.\(decimals)f", d) }

    private static func pad(_ s: String, _ n: Int) -> String {
        s.count >= n ? String(s.prefix(n - 1)) + "…" : s + String(repeating: " ", count: n - s.count)
    }

    public static func json(_ reports: [LintReport]) throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try e.encode(["summaries": ordered(reports)])
    }

    /// SARIF 2.1.0: one run, every rule described, one result per finding with its physical location.
    public static func sarif(_ reports: [LintReport], toolVersion: String) throws -> Data {
        let rules = LintRule.allCases
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.rawValue, $0) })
        let results: [[String: Any]] = ordered(reports).flatMap(\.findings).map { f in
            [
                "ruleId": f.rule,
                "ruleIndex": ruleIndex[f.rule] ?? 0,
                "level": f.level.rawValue,
                "message": ["text": f.message],
                "locations": [[
                    "physicalLocation": [
                        "artifactLocation": ["uri": f.file],
                        "region": ["startLine": f.line, "startColumn": f.column],
                    ],
                    "logicalLocations": f.field.isEmpty ? [] : [["fullyQualifiedName": f.field, "kind": "member"]],
                ]],
            ]
        }
        let doc: [String: Any] = [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [[
                "tool": ["driver": [
                    "name": "trialexport-lint",
                    "version": toolVersion,
                    "rules": rules.map { r in
                        ["id": r.rawValue, "shortDescription": ["text": r.summary],
                         "defaultConfiguration": ["level": defaultLevel(r).rawValue]] as [String: Any]
                    },
                ]],
                "columnKind": "unicodeCodePoints",
                "results": results,
            ]],
        ]
        return try JSONSerialization.data(withJSONObject: doc, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
    }

    static func defaultLevel(_ r: LintRule) -> LintSettings.Level {
        switch r {
        case .draft: .error
        case .annexVPartial: .note
        default: .warning
        }
    }
}
