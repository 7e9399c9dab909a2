/// Something the trial measured, with one value per arm (or none yet, with a maturity note).
public struct Outcome: Sendable, Codable, Equatable {
    public enum Role: String, Sendable, Codable, CaseIterable {
        case primary, secondary, safety
    }

    public enum Kind: String, Sendable, Codable, CaseIterable {
        case medianTime = "median-time"
        case percentage
        case count
        case rate
        case mean
    }

    public enum Direction: String, Sendable, Codable, CaseIterable {
        case higherIsBetter = "higher-is-better"
        case lowerIsBetter = "lower-is-better"
    }

    public var id: String
    /// Scientific name, e.g. "Progression-free survival".
    public var name: String
    /// Patient-facing heading, e.g. "Median time before cancer grew".
    public var label: String
    public var explanation: RichText?
    public var role: Role
    public var kind: Kind
    /// `months`, `%`, `people`…; percentages use `%`.
    public var unit: String
    public var direction: Direction
    /// In arm order; empty when the data are not mature.
    public var values: [ArmValue]
    public var effect: Effect?
    /// Why there are no (final) values yet, e.g. "Overall survival data were not yet mature".
    public var maturity: RichText?
    /// One plain sentence stating the result; charts use it as their caption.
    public var finding: RichText?
    /// For percentages of people: the counts behind each arm's value, when the summary gives them.
    public var counts: [ArmCount]

    public init(id: String, name: String, label: String, explanation: RichText? = nil, role: Role, kind: Kind,
                unit: String, direction: Direction, values: [ArmValue], effect: Effect? = nil,
                maturity: RichText? = nil, finding: RichText? = nil, counts: [ArmCount] = []) {
        self.id = id
        self.name = name
        self.label = label
        self.explanation = explanation
        self.role = role
        self.kind = kind
        self.unit = unit
        self.direction = direction
        self.values = values
        self.effect = effect
        self.maturity = maturity
        self.finding = finding
        self.counts = counts
    }

    public func value(for armID: String) -> DecimalNumber? { values.first { $0.arm == armID }?.value }

    /// "44.3 months", "79.7%".
    public func format(_ n: DecimalNumber) -> String { format(n, in: .english) }

    /// "44,3 meses", "79,7 %" in the summary's language (the unit is the summary's own word).
    public func format(_ n: DecimalNumber, in words: Messages) -> String {
        unit == "%" ? words.percent(n.text) : words.decimal(n) + " " + unit
    }
}

/// An outcome's value in one arm.
public struct ArmValue: Sendable, Codable, Equatable {
    public var arm: String
    public var value: DecimalNumber
    public init(arm: String, value: DecimalNumber) {
        self.arm = arm
        self.value = value
    }
}
