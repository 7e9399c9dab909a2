import TrialModel

/// A bar chart as text lines: one bar per arm, value before the bar so it is read first, ASCII `#` so it
/// survives every client and font, scaled so the axis maximum is 40 columns.
///
///     Palbociclib group  44.3 months  ###################################
///     Standard therapy   29.1 months  #######################
///
/// Proportional fonts break the alignment but not the meaning: each line states its own value.
///
/// Percentages are a row of 10 marks per arm instead (an icon array in one line: `########..` is
/// "8 in 10"), followed by the natural frequencies.
enum TextChart {
    static let maxBar = 40

    static func render(_ chart: ChartSeries, explanation: String? = nil, finding: String?, into doc: inout TextDocument) {
        let labels = chart.bars.map { PlainText.clean($0.label) }
        let values = chart.bars.map { PlainText.clean($0.valueText) }
        let labelWidth = labels.map { TextWidth.of($0) }.max() ?? 0
        let valueWidth = values.map { TextWidth.of($0) }.max() ?? 0
        let inline = labelWidth + 2 + valueWidth + 2 + maxBar <= TextDocument.width

        doc.blank()
        for line in TextWrap.wrap(PlainText.clean(chart.title), width: TextDocument.width) { doc.fixed(line) }
        if let explanation { doc.paragraph(explanation); doc.blank() }
        for (i, bar) in chart.bars.enumerated() {
            let value = pad(values[i], to: valueWidth, left: true)
            let hashes = chart.isPercentage ? iconRow(bar) : String(repeating: "#", count: length(bar.fraction, value: bar.value.value))
            if inline {
                doc.fixed(pad(labels[i], to: labelWidth, left: false) + "  " + value + "  " + hashes)
            } else {
                // Labels too long to share the line: label on its own line(s), the bar below it.
                for l in TextWrap.wrap(labels[i], width: TextDocument.width) { doc.fixed(l) }
                doc.fixed(value + "  " + hashes)
            }
        }
        if let effect = chart.effectText { doc.paragraph(effect) }
        doc.paragraph(scaleNote(chart))
        if let frequencies = chart.frequencySentence { doc.paragraph(frequencies) }
        doc.blank()
        doc.paragraph(finding ?? chart.caption)
    }

    /// Bar length in columns; a non-zero value always shows at least one `#`.
    static func length(_ fraction: Double, value: Double) -> Int {
        let n = Int((max(0, min(1, fraction)) * Double(maxBar)).rounded())
        return value > 0 ? max(1, n) : n
    }

    /// Ten marks, the affected ones `#`: the one-line form of the arm's icon array.
    static func iconRow(_ bar: ChartSeries.Bar) -> String {
        let filled = IconArray.filledOfTen(percent: bar.value)
        return String(repeating: "#", count: filled) + String(repeating: ".", count: IconArray.side - filled)
    }

    /// What the marks mean, since no axis is drawn: the scale and which way is better.
    static func scaleNote(_ chart: ChartSeries) -> String {
        let w = chart.words, higher = chart.direction == .higherIsBetter
        if chart.isPercentage { return w[higher ? .digestEachRowHigher : .digestEachRowLower] }
        return w.text(higher ? .digestBarsRunHigher : .digestBarsRunLower, chart.rangeText)
    }

    static func pad(_ s: String, to width: Int, left: Bool) -> String {
        let fill = String(repeating: " ", count: max(0, width - TextWidth.of(s)))
        return left ? fill + s : s + fill
    }
}
