import Foundation
import TrialModel

/// The three forms of a lint run: text for editors, JSON for scripts, SARIF 2.1.0 for code-scanning annotations.
///
/// Two ways to the same bytes: `text`/`json`/`sarif` write the whole output from the reports in one call;
/// `output(_:format:…)` joins parts each lint worker wrote for its own summary (`part`), so writing the report
/// (a quarter of a 1,000-summary run when done after linting) runs on every core. Tests hold the two equal.
public enum LintOutput {
    public enum Format: String, Sendable, CaseIterable { case text, json, sarif }

    /// A summary's report with its share of the output, written where the report was made.
    public struct RenderedReport: Sendable {
        public var report: LintReport
        /// Nil when the part could not be written (the output is then written in one call).
        var part: [UInt8]?
    }

    /// One summary's share of the output: its text block, its element of the JSON `summaries` list, or its
    /// SARIF results (empty when it has no findings), each cut from the writer's own output (`JSONSplice`).
    static func part(_ r: LintReport, format: Format) -> [UInt8]? {
        switch format {
        case .text: return Array(textBlock(r).utf8)
        case .json:
            guard let frame = jsonFrame,
                  let doc = AnnexVParts.shared.document(r) ?? (try? jsonEncoder().encode(["summaries": [r]])) else { return nil }
            return frame.elements(of: doc)
        case .sarif:
            guard !r.findings.isEmpty else { return [] }
            guard let frame = sarifPartFrame,
                  let doc = try? JSONSerialization.data(withJSONObject: sarifPartDocument(r.findings.map(sarifResult)), options: sarifOptions)
            else { return nil }
            return frame.elements(of: doc)
        }
    }

    /// What `lint` prints (the JSON and SARIF documents end with a newline): the rendered parts joined in the
    /// reports' order, or, when a part is missing or a frame check fails, the output written in one call.
    public static func output(_ rendered: [RenderedReport], format: Format, settings: LintSettings, toolVersion: String) throws -> Data {
        let reports = rendered.map(\.report)
        let order = orderedIndices(reports)
        let parts = order.compactMap { rendered[$0].part }
        let complete = parts.count == rendered.count
        switch format {
        case .text:
            var out = Data()
            out.reserveCapacity(parts.reduce(0) { $0 + $1.count } + 200)
            for i in order { out.append(contentsOf: rendered[i].part ?? Array(textBlock(rendered[i].report).utf8)) }
            out.append(contentsOf: Array(textTotals(reports, settings: settings).utf8))
            return out
        case .json:
            if complete, let frame = jsonFrame, let doc = JSONSplice.join(parts, into: frame, partFrame: frame) { return doc + Data("\n".utf8) }
            return try json(reports) + Data("\n".utf8)
        case .sarif:
            if complete, let part = sarifPartFrame,
               let frame = JSONSplice.Frame({ try sarifDocument(results: $0, toolVersion: toolVersion) }),
               let doc = JSONSplice.join(parts, into: frame, partFrame: part) { return doc + Data("\n".utf8) }
            return try sarif(reports, toolVersion: toolVersion) + Data("\n".utf8)
        }
    }

    /// The JSON document with markers for its `summaries`, also the frame of each part (written the same way).
    private static let jsonFrame = JSONSplice.Frame { try jsonEncoder().encode(["summaries": $0]) }
    /// A SARIF part is written nested as deep as the document's `results`: runs[0].results.
    private static let sarifPartFrame = JSONSplice.Frame { try JSONSerialization.data(withJSONObject: sarifPartDocument($0), options: sarifOptions) }
    private static func sarifPartDocument(_ results: [Any]) -> [String: Any] { ["runs": [["results": results]]] }

    /// Worst summaries first: by worst level, then number of errors, warnings, then grade.
    public static func ordered(_ reports: [LintReport]) -> [LintReport] {
        orderedIndices(reports).map { reports[$0] }
    }

    static func orderedIndices(_ reports: [LintReport]) -> [Int] {
        let keys = reports.map { r in (r.worst.map { $0 == .error ? 3 : $0 == .warning ? 2 : 1 } ?? 0, r.count(.error), r.count(.warning), r.readability.grade ?? 0) }
        return reports.indices.sorted { a, b in
            if keys[a] != keys[b] { return keys[a] > keys[b] }
            return reports[a].file < reports[b].file
        }
    }

    public static func text(_ reports: [LintReport], settings: LintSettings) -> String {
        ordered(reports).map(textBlock).joined() + textTotals(reports, settings: settings)
    }

    /// One summary's lines in the text form, each ended by a newline, then an empty line.
    static func textBlock(_ r: LintReport) -> String {
        var out: [String] = []
        out.append("\(r.file) (\(r.id)): \(scores(r.readability)); \(r.count(.error)) errors, \(r.count(.warning)) warnings, \(r.count(.note)) notes")
        for s in r.sections {
            out.append("  " + pad(s.heading, 44) + " " + scores(s.readability))
        }
        out.append("  Annex V: " + r.annexV.map { "\($0.number) \($0.status.rawValue)" }.joined(separator: " · "))
        for f in r.findings { out.append("  " + f.description) }
        out.append("")
        return out.joined(separator: "\n") + "\n"
    }

    /// The last line of the text form.
    static func textTotals(_ reports: [LintReport], settings: LintSettings) -> String {
        let errors = reports.map { $0.count(.error) }.reduce(0, +)
        let warnings = reports.map { $0.count(.warning) }.reduce(0, +)
        let notes = reports.map { $0.count(.note) }.reduce(0, +)
        let over = reports.filter { ($0.readability.grade ?? 0) > settings.maxGrade }.count
        return "\(reports.count) summaries linted: \(errors) errors, \(warnings) warnings, \(notes) notes; \(over) above grade \(fmt(settings.maxGrade, 0))\n"
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

    /// `d` with a fixed number of decimals, as `String(format: "%.1f")` writes it: the same C formatting (the C
    /// locale: the process never sets one), without Foundation's format-string machinery around it.
    static func fmt(_ d: Double, _ decimals: Int = 1) -> String {
        guard decimals == 0 || decimals == 1 else { return String(format: "%.\(decimals)f", d) }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer in
            let n = withVaList([d]) { vsnprintf(buffer.baseAddress, 64, decimals == 0 ? "%.0f" : "%.1f", $0) }
            guard n >= 0, n < 64 else { return String(format: "%.\(decimals)f", d) }
            return String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress, count: Int(n)), as: UTF8.self)
        }
    }

    private static func pad(_ s: String, _ n: Int) -> String {
        s.count >= n ? String(s.prefix(n - 1)) + "…" : s + String(repeating: " ", count: n - s.count)
    }

    public static func json(_ reports: [LintReport]) throws -> Data {
        try jsonEncoder().encode(["summaries": ordered(reports)])
    }

    static func jsonEncoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return e
    }

    /// SARIF 2.1.0: one run, every rule described, one result per finding with its physical location.
    public static func sarif(_ reports: [LintReport], toolVersion: String) throws -> Data {
        try sarifDocument(results: ordered(reports).flatMap(\.findings).map(sarifResult), toolVersion: toolVersion)
    }

    static func sarifResult(_ f: LintFinding) -> [String: Any] {
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

    private static let ruleIndex = Dictionary(uniqueKeysWithValues: LintRule.allCases.enumerated().map { ($1.rawValue, $0) })
    static let sarifOptions: JSONSerialization.WritingOptions = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]

    static func sarifDocument(results: [Any], toolVersion: String) throws -> Data {
        let rules = LintRule.allCases
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
        return try JSONSerialization.data(withJSONObject: doc, options: sarifOptions)
    }

    static func defaultLevel(_ r: LintRule) -> LintSettings.Level {
        switch r {
        case .draft: .error
        case .annexVPartial: .note
        default: .warning
        }
    }
}
