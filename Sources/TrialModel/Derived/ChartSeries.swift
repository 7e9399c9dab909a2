/// What a bar chart of one outcome shows, computed once so every format draws the same numbers.
public struct ChartSeries: Sendable, Equatable {
    public struct Bar: Sendable, Equatable {
        public var armID: String
        /// Position of the arm in the trial (0-based): exporters pick colour and pattern from it.
        public var armIndex: Int
        public var label: String
        public var value: DecimalNumber
        /// Value with unit: "44.3 months", "79.7%".
        public var valueText: String
        /// Bar length relative to the axis maximum, 0…1.
        public var fraction: Double
    }

    public var outcomeID: String
    public var title: String
    public var unit: String
    public var direction: Outcome.Direction
    public var isSafety: Bool
    public var bars: [Bar]
    /// Axis maximum: 100 for percentages, else a rounded value above the largest bar. The axis starts at 0.
    public var axisMax: Double
    /// "Hazard ratio 0.75 (95% CI …)", when the outcome has an effect.
    public var effectText: String?
    /// One plain sentence stating the result.
    public var caption: String
    /// Text alternative for the chart as a whole.
    public var altText: String

    init?(outcome o: Outcome, arms: [Arm]) {
        guard !o.values.isEmpty else { return nil }
        outcomeID = o.id
        title = o.label
        unit = o.unit
        direction = o.direction
        isSafety = o.role == .safety
        let largest = o.values.map(\.value.value).max() ?? 0
        axisMax = o.unit == "%" ? 100 : ChartSeries.niceCeiling(largest)
        let axis = axisMax
        bars = o.values.compactMap { v in
            guard let i = arms.firstIndex(where: { $0.id == v.arm }) else { return nil }
            return Bar(armID: v.arm, armIndex: i, label: arms[i].shortLabel, value: v.value, valueText: o.format(v.value),
                       fraction: axis > 0 ? max(0, min(1, v.value.value / axis)) : 0)
        }
        effectText = o.effect?.statement
        let comparison = bars.map { "\($0.label) \($0.valueText)" }.joined(separator: " vs ")
        caption = o.finding?.plainText ?? "\(o.label): \(comparison)."
        altText = "Bar chart. \(o.label): " + bars.map { "\($0.label), \($0.valueText)" }.joined(separator: "; ") + "."
            + (effectText.map { " \($0)." } ?? "")
    }

    /// 1, 2, 2.5, 5 × 10ⁿ at or above `x`.
    static func niceCeiling(_ x: Double) -> Double {
        guard x > 0 else { return 1 }
        var magnitude = 1.0
        while magnitude * 10 <= x { magnitude *= 10 }
        while magnitude > x { magnitude /= 10 }
        for step in [1.0, 2.0, 2.5, 5.0, 10.0] where step * magnitude >= x { return step * magnitude }
        return 10 * magnitude
    }
}
