/// A comparison between arms, e.g. hazard ratio 0.75 (95% CI 0.59–0.96), p = 0.0074.
public struct Effect: Sendable, Codable, Equatable {
    public enum Measure: String, Sendable, Codable, CaseIterable {
        case hazardRatio = "hazard-ratio"
        case oddsRatio = "odds-ratio"
        case riskRatio = "risk-ratio"
        case difference

        public var title: String { title(in: .english) }

        public func title(in words: Messages) -> String {
            switch self {
            case .hazardRatio: words[.measureHazardRatio]
            case .oddsRatio: words[.measureOddsRatio]
            case .riskRatio: words[.measureRiskRatio]
            case .difference: words[.measureDifference]
            }
        }
    }

    public var measure: Measure
    public var value: DecimalNumber
    public var ciLower: DecimalNumber?
    public var ciUpper: DecimalNumber?
    /// Confidence level in percent, usually 95.
    public var ciLevel: Int
    /// As published: `0.0074`, `<0.001`.
    public var pValue: String?
    /// Plain meaning, e.g. "a 25% lower risk of the cancer growing or the person dying at any given time".
    public var meaning: String?

    public init(measure: Measure, value: DecimalNumber, ciLower: DecimalNumber? = nil, ciUpper: DecimalNumber? = nil,
                ciLevel: Int = 95, pValue: String? = nil, meaning: String? = nil) {
        self.measure = measure
        self.value = value
        self.ciLower = ciLower
        self.ciUpper = ciUpper
        self.ciLevel = ciLevel
        self.pValue = pValue
        self.meaning = meaning
    }

    /// "Hazard ratio 0.75 (95% CI 0.59–0.96; p = 0.0074)".
    public var statement: String { statement(in: .english) }

    /// The statement in a summary's language: "Cociente de riesgos (hazard ratio) 0,75 (IC del 95 %: 0,59–0,96; p = 0,0074)".
    public func statement(in words: Messages) -> String {
        var s = "\(measure.title(in: words)) \(words.decimal(value))"
        var extra: [String] = []
        if let lo = ciLower, let hi = ciUpper {
            extra.append(words.text(.confidenceInterval, words.integer(ciLevel), words.decimal(lo), words.decimal(hi)))
        }
        if let p = pValue {
            let published = DecimalNumber(String(p.drop { $0 == "<" || $0 == ">" })).map { words.decimal($0) }
            let shown = p.hasPrefix("<") || p.hasPrefix(">") ? String(p.prefix(1)) + (published ?? String(p.dropFirst())) : (published ?? p)
            extra.append(p.hasPrefix("<") || p.hasPrefix(">") ? "p \(shown)" : "p = \(shown)")
        }
        if !extra.isEmpty { s += " (" + extra.joined(separator: words[.groupSeparator]) + ")" }
        return s
    }
}
