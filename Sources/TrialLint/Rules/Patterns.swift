import Foundation

/// Regular expressions the wording rules share, compiled once. Case-insensitive; `\b` is Unicode-aware.
enum Patterns {
    private static func re(_ p: String) -> NSRegularExpression {
        // The patterns are constants, so a failure is a programming error caught by the tests.
        try! NSRegularExpression(pattern: p, options: [.caseInsensitive])
    }

    nonisolated(unsafe) static let pValue = re(#"\bp\s*(=|<|>|≤|≥|<=|>=)\s*0?[.,]\d+|\bp[- ]value\s+(of\s+)?(was\s+)?[<>=≤≥]?\s*0?[.,]\d+"#)
    nonisolated(unsafe) static let confidenceInterval = re(#"\b(\d{2}\s*%\s*)?(CI|confidence interval)\b[^.;]{0,40}?\d+([.,]\d+)?\s*(–|—|-|to|,)\s*\d+([.,]\d+)?|\[\s*\d+([.,]\d+)?\s*[,–-]\s*\d+([.,]\d+)?\s*\]"#)
    /// "25 % lower risk", "reduced the risk by 30%", "halved the risk", "twice as likely".
    nonisolated(unsafe) static let relativeRisk = re(#"\b\d+([.,]\d+)?\s*(%|per ?cent)\s+(lower|higher|less|more|reduction|increase|reduced|increased|decrease|fewer|greater)\b[^.]{0,30}\b(risk|chance|likely|odds|rate)|\b(risk|chance|odds)\b[^.]{0,30}\bby\s+\d+([.,]\d+)?\s*(%|per ?cent)|\b(halved|doubled|tripled)\s+the\s+(risk|chance|odds)|\b(twice|three times|\d+([.,]\d+)?\s+times)\s+(as|more|less)\s+likely"#)
    /// Absolute numbers a reader can picture: "12 out of 100", "3 in 10 people", "from 20% to 15%".
    nonisolated(unsafe) static let absoluteNumbers = re(#"\b\d+\s+(out\s+of|in|of\s+every)\s+(every\s+)?\d+|\bfrom\s+(about\s+)?\d+([.,]\d+)?\s*(%|per ?cent)\s+to\s+(about\s+)?\d+([.,]\d+)?\s*(%|per ?cent)|\b\d+([.,]\d+)?\s*(%|per ?cent)\s+(compared\s+with|vs\.?|versus)\s+\d+([.,]\d+)?\s*(%|per ?cent)"#)
    nonisolated(unsafe) static let percentage = re(#"\b\d+([.,]\d+)?\s*(%|per ?cent\b)"#)
    /// What a percentage is of, within a few words after it: "of the people", "in the placebo group", "of those".
    nonisolated(unsafe) static let percentBase = re(#"^\s*(%|per ?cent)?\s*(\)|,)?\s*(\w+\s+){0,3}?(of|in|among|for)\s+(the\s+|those\s+|all\s+|these\s+|each\s+|this\s+|both\s+)?(\w+\s+){0,3}?(people|patients|participants|women|men|adults|children|volunteers|group|groups|arm|those|them|who|everyone)\b"#)
}

extension Patterns {
    /// Literal text every match of `confidenceInterval` holds: "CI", "confidence interval" or "[".
    static func mayHaveConfidenceInterval(_ s: String) -> Bool {
        s.hasSubstring("[") || s.hasSubstring(ignoringASCIICase: "ci") || s.hasSubstring(ignoringASCIICase: "confidence interval")
    }

    /// Literal text every match of `relativeRisk` holds: "%", "cent", "halved", "doubled", "tripled" or "likely".
    static func mayHaveRelativeRisk(_ s: String) -> Bool {
        s.hasSubstring("%") || s.hasSubstring(ignoringASCIICase: "cent") || s.hasSubstring(ignoringASCIICase: "likely")
            || s.hasSubstring(ignoringASCIICase: "halved") || s.hasSubstring(ignoringASCIICase: "doubled")
            || s.hasSubstring(ignoringASCIICase: "tripled")
    }
}

extension NSRegularExpression {
    func firstMatch(in s: String) -> NSRange? {
        firstMatch(in: s, range: NSRange(s.startIndex..., in: s)).map(\.range)
    }

    func matches(in s: String) -> [NSRange] {
        matches(in: s, range: NSRange(s.startIndex..., in: s)).map(\.range)
    }
}
