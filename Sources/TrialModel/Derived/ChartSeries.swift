/// What a chart of one outcome shows, computed once so every format draws the same numbers and says the
/// same words about them.
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
        /// Percentages only: the value as a count of people, at the outcome's shared denominator.
        public var frequency: NaturalFrequency?
        /// Percentages only: filled marks of the arm's 10 × 10 icon array.
        public var iconsFilled: Int?
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
    /// Text alternative for the bar chart as a whole.
    public var altText: String
    /// The words of the summary's language, for the chart's own phrases.
    public var words: Messages

    public static func == (a: ChartSeries, b: ChartSeries) -> Bool {
        a.outcomeID == b.outcomeID && a.bars == b.bars && a.caption == b.caption && a.altText == b.altText
            && a.words.language == b.words.language && a.axisMax == b.axisMax
    }

    init?(outcome o: Outcome, arms: [Arm], words w: Messages) {
        guard !o.values.isEmpty else { return nil }
        words = w
        outcomeID = o.id
        title = o.label
        unit = o.unit
        direction = o.direction
        isSafety = o.role == .safety
        let largest = o.values.map(\.value.value).max() ?? 0
        let percent = o.unit == "%"
        axisMax = percent ? 100 : ChartSeries.niceCeiling(largest)
        let axis = axisMax
        // One denominator for every arm, so the counts compare without arithmetic.
        let denominator = o.values.map { NaturalFrequency.denominator(for: $0.value) }.max() ?? 100
        bars = o.values.compactMap { v in
            guard let i = arms.firstIndex(where: { $0.id == v.arm }) else { return nil }
            return Bar(armID: v.arm, armIndex: i, label: arms[i].shortLabel, value: v.value, valueText: o.format(v.value, in: w),
                       fraction: axis > 0 ? max(0, min(1, v.value.value / axis)) : 0,
                       frequency: percent ? NaturalFrequency(percent: v.value, denominator: denominator) : nil,
                       iconsFilled: percent ? IconArray.filled(percent: v.value) : nil)
        }
        effectText = o.effect?.statement(in: w)
        let comparison = bars.map { "\($0.label) \($0.valueText)" }.joined(separator: w[.versus])
        caption = o.finding?.plainText ?? w.text(.chartComparisonCaption, o.label, comparison)
        altText = w.text(.chartAltText, o.label, bars.map { "\($0.label)\(w[.listSeparator])\($0.valueText)" }.joined(separator: w[.groupSeparator]))
            + (effectText.map { " \($0)." } ?? "")
    }

    public var isPercentage: Bool { unit == "%" }

    /// "Palbociclib: about 80 in 100 people; Standard: about 31 in 100 people." for percentages.
    public var frequencySentence: String? {
        let parts = bars.compactMap { b in b.frequency.map { words.text(.labelValue, b.label, $0.peopleText(in: words)) } }
        return parts.isEmpty ? nil : words.text(.chartFrequencySentence, parts.joined(separator: words[.groupSeparator]))
    }

    /// Text alternative for the icon array: every arm's filled count and value.
    public var iconAltText: String {
        words.text(.chartIconAltText, title, bars.map {
            words.text(.chartIconAltBar, $0.label, words.integer($0.iconsFilled ?? 0), $0.valueText)
        }.joined(separator: words[.groupSeparator]))
    }

    // MARK: Words every chart uses

    /// Which way is good, so nobody has to know that more side effects or less time is worse.
    public var betterText: String {
        words[direction == .higherIsBetter ? .betterHigher : .betterLower]
    }

    /// Icon arrays: which way is good.
    public var iconBetterText: String {
        words[direction == .higherIsBetter ? .iconBetterHigher : .iconBetterLower]
    }

    /// The axis title: "Per cent of people", "Months".
    public var unitTitle: String {
        isPercentage ? words[.axisPercentOfPeople] : unit.prefix(1).uppercased() + unit.dropFirst()
    }

    /// "0 to 100%", "0 to 50 months".
    public var rangeText: String {
        isPercentage ? words.text(.axisRangePercent, tickLabel(axisMax)) : words.text(.axisRangeUnit, tickLabel(axisMax), unit)
    }

    /// A tick's label: "25%" for percentages, "2.5" otherwise.
    public func tickLabel(_ v: Double) -> String {
        isPercentage ? words.percent(NumberText.plain(v, decimals: 2)) : words.plain(v, decimals: 2)
    }

    /// Ticks from 0 to the axis maximum in 1, 2, 2.5 or 5 × 10ⁿ steps, at most `intervals` intervals.
    public func ticks(intervals: Int = 5) -> [Double] { ChartSeries.tickValues(max: axisMax, intervals: intervals) }

    public static func tickValues(max: Double, intervals: Int = 5) -> [Double] {
        guard max > 0 else { return [0] }
        let magnitude = magnitude(max)
        let limit = Double(intervals)
        let step = [0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10, 20, 25, 50, 100].map { $0 * magnitude }.first { max / $0 <= limit } ?? max
        var out: [Double] = []
        var v = 0.0
        while v <= max + step * 1e-9 { out.append(v); v += step }
        return out
    }

    /// 1, 2, 2.5, 5 × 10ⁿ at or above `x`.
    static func niceCeiling(_ x: Double) -> Double {
        guard x > 0 else { return 1 }
        let m = magnitude(x)
        for step in [1.0, 2.0, 2.5, 5.0, 10.0] where step * m >= x { return step * m }
        return 10 * m
    }

    /// The power of ten at or below `x`.
    private static func magnitude(_ x: Double) -> Double {
        var m = 1.0
        while m * 10 <= x { m *= 10 }
        while m > x { m /= 10 }
        return m
    }
}
