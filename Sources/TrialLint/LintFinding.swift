import TrialModel

/// One located problem: `file:line:col: warning: [rule-id] message`.
public struct LintFinding: Sendable, Equatable, Codable {
    public typealias Level = LintSettings.Level
    public var rule: String
    public var level: Level
    public var file: String
    public var line: Int
    public var column: Int
    /// Field path in the source, e.g. `sections[2].content[0].paragraph`.
    public var field: String
    /// What was found and what to do, in one sentence.
    public var message: String

    public var description: String { "\(file):\(line):\(column): \(level.rawValue): [\(rule)] \(field): \(message)" }

    enum CodingKeys: String, CodingKey { case rule, level, file, line, column, field, message }
}

/// The rules `lint` knows, with the short description SARIF lists for each.
public enum LintRule: String, CaseIterable, Sendable {
    case draft
    case gradeAboveTarget = "grade-above-target"
    case longSentence = "long-sentence"
    case pValue = "p-value"
    case confidenceInterval = "confidence-interval"
    case relativeRiskWithoutAbsolute = "relative-risk-without-absolute"
    case percentWithoutBase = "percent-without-base"
    case termBeforeGlossary = "term-before-glossary"
    case termWithoutGlossary = "term-without-glossary"
    case allCaps = "all-caps"
    case italicSentence = "italic-sentence"
    case annexVMissing = "annex-v-missing"
    case annexVPartial = "annex-v-partial"

    public var summary: String {
        switch self {
        case .draft: "A field is still a {draft: …} and must be written or checked before publishing."
        case .gradeAboveTarget: "The Flesch–Kincaid grade is above the target for patient material."
        case .longSentence: "A sentence is longer than the word limit."
        case .pValue: "A p-value is written as a number; say what it means in words."
        case .confidenceInterval: "A confidence interval is written as numbers; say how sure the result is in words."
        case .relativeRiskWithoutAbsolute: "A relative change in risk is given without the absolute numbers."
        case .percentWithoutBase: "A percentage does not say what it is a percentage of."
        case .termBeforeGlossary: "A glossary term is used before the place that links it to its definition."
        case .termWithoutGlossary: "A glossary term is used but never linked to its definition."
        case .allCaps: "A word is written in capitals but is not a known acronym."
        case .italicSentence: "A whole sentence is in italics, which is hard to read."
        case .annexVMissing: "An element EU CTR Annex V requires in a lay summary is missing."
        case .annexVPartial: "An element EU CTR Annex V requires in a lay summary is only partly given."
        }
    }
}
