/// A comparison between arms, e.g. hazard ratio 0.75 (95% CI 0.59–0.96), p = 0.0074.
public struct Effect: Sendable, Codable, Equatable {
    public enum Measure: String, Sendable, Codable, CaseIterable {
        case hazardRatio = "hazard-ratio"
        case oddsRatio = "odds-ratio"
        case riskRatio = "risk-ratio"
        case difference

        public var title: String {
            switch self {
            case .hazardRatio: "Hazard ratio"
            case .oddsRatio: "Odds ratio"
            case .riskRatio: "Risk ratio"
            case .difference: "Difference"
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
    public var statement: String {
        var s = "\(measure.title) \(value.text)"
        var extra: [String] = []
        if let lo = ciLower, let hi = ciUpper { extra.append("\(ciLevel)% CI \(lo.text)–\(hi.text)") }
        if let p = pValue { extra.append(p.hasPrefix("<") || p.hasPrefix(">") ? "p \(p)" : "p = \(p)") }
        if !extra.isEmpty { s += " (" + extra.joined(separator: "; ") + ")" }
        return s
    }
}
