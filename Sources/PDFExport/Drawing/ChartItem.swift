import CCairo
import TrialModel

/// A horizontal bar chart of one outcome (`ChartSeries`): title, each arm's name beside (or, when the
/// page is narrow for the type size, above) its bar, the value
/// with its unit at the bar's end (no legend to decode), an axis from zero with a title, the effect and
/// a one-sentence caption. The plot never splits across pages; its caption may (`CaptionSplit`).
///
/// Greyscale-safe: besides the Okabe-Ito colours, arms differ by fill pattern (solid, diagonal stripes,
/// dots, cross-hatch), so a black-and-white copy still tells them apart.
final class ChartItem: FlowItem {
    struct BarRow {
        var label: TextBlock
        var value: TextBlock
        var fraction: Double
        var armIndex: Int
    }

    let title: TextBlock
    let explanation: TextBlock?
    let rows: [BarRow]
    let ticks: [(fraction: Double, label: TextBlock)]
    let axisTitle: TextBlock
    let effect: TextBlock?
    let caption: TextBlock
    let split: CaptionSplit
    let width: Double
    let barHeight: Double
    let barLength: Double
    /// Width of the arm-name column; bars start after it. 0 when names sit above their bars.
    let labelColumn: Double
    let stacked: Bool
    let gap: Double
    let palette: [RGB]
    let axisColour: RGB
    /// The model's text alternative for the chart (the Figure's /Alt).
    let alt: String

    init(_ chart: ChartSeries, outcome: Outcome, styles: StyleSheet, fonts: FontSetup, width: Double, spaceBefore: Double) {
        let l = styles.layout, link = l.colours.accent
        self.width = width
        alt = chart.altText
        gap = styles.gap
        palette = l.colours.arms
        axisColour = l.colours.muted
        barHeight = (l.type.body * 1.3).rounded()
        title = TextBlock.laidOut(StyledText(chart.title), style: styles.subheading, width: width, fonts: fonts)
        explanation = outcome.explanation.map {
            TextBlock.laidOut(.rich($0, linkColour: link), style: styles.small, width: width, fonts: fonts)
        }
        let valueStyle = styles.label
        let values = chart.bars.map { TextBlock.laidOut(StyledText($0.valueText), style: valueStyle, width: width / 2, fonts: fonts) }
        let valueRoom = (values.map(\.usedWidth).max() ?? 0) + l.type.body * 0.6
        // Arm names sit in a column left of their bars (compact, and read on the same line as the bar);
        // when a name would wrap there, or the bars would get less than half the width (large print),
        // names go above their bars instead.
        var names = chart.bars.map { TextBlock.laidOut(StyledText($0.label), style: styles.body, width: width * 0.34, fonts: fonts) }
        let nameColumn = min(width * 0.34, names.map(\.usedWidth).max() ?? 0) + l.type.body * 0.6
        stacked = width - nameColumn - valueRoom < width * 0.5 || names.contains { $0.lineCount > 1 }
        if stacked {
            names = chart.bars.map { TextBlock.laidOut(StyledText($0.label), style: styles.body, width: width, fonts: fonts) }
        }
        labelColumn = stacked ? 0 : nameColumn
        barLength = width - labelColumn - valueRoom
        rows = zip(zip(chart.bars, values), names).map { bv, name in
            BarRow(label: name, value: bv.1, fraction: bv.0.fraction, armIndex: bv.0.armIndex)
        }
        ticks = ChartItem.ticks(chart, length: barLength, style: styles.small, fonts: fonts)
        // Say which way is good, so nobody has to know that more side effects or less time is worse.
        let axisText = chart.words.text(chart.direction == .higherIsBetter ? .pdfAxisHigher : .pdfAxisLower, chart.unitTitle)
        axisTitle = TextBlock.laidOut(StyledText(axisText), style: styles.small, width: width - labelColumn, fonts: fonts)
        effect = outcome.effect.map { e in
            var s = StyledText(e.statement(in: chart.words), .bold)
            // The finding below usually restates the meaning; say it here only when there is no finding.
            if let meaning = e.meaning, outcome.finding == nil { s.append(chart.words[.termSeparator] + meaning) }
            return TextBlock.laidOut(s, style: styles.body, width: width, fonts: fonts)
        }
        var captionText: StyledText = outcome.finding.map { .rich($0, linkColour: link) } ?? StyledText(chart.caption)
        if let frequencies = chart.frequencySentence { captionText.append(" " + frequencies) }
        caption = TextBlock.laidOut(captionText, style: styles.body, width: width, fonts: fonts)

        let g = gap, bh = barHeight
        var h = title.height + (explanation.map { $0.height + g * 0.5 } ?? 0) + g
        let stack = stacked
        h += rows.reduce(0) { $0 + (stack ? $1.label.height + bh : max($1.label.height, bh)) + g } - g * 0.5
        h += 4 + (ticks.first?.label.height ?? 0) + axisTitle.height + g * 0.5
        h += effect.map { $0.height + g * 0.5 } ?? 0
        split = CaptionSplit(top: h, lines: caption.lineCount, pitch: caption.style.pitch)
        h += caption.height
        super.init(height: h, spaceBefore: spaceBefore)
        breaks = split.breaks
        outline = (2, chart.title)
        altText = chart.altText
    }

    override var textBlocks: [TextBlock] {
        var blocks: [TextBlock] = [title, axisTitle, caption]
        if let explanation { blocks.append(explanation) }
        if let effect { blocks.append(effect) }
        for row in rows { blocks += [row.label, row.value] }
        for tick in ticks { blocks.append(tick.label) }
        return blocks
    }

    override func draw(_ canvas: PDFCanvas, x: Double, top: Double, slice: Range<Double>) {
        guard slice.lowerBound == 0 else {
            split.drawRest(of: caption, canvas: canvas, x: x, top: top, slice: slice, alt: alt)
            return
        }
        let cr = canvas.cr
        var y = FigureHeading.draw(title: title, explanation: explanation, gap: gap, canvas: canvas, x: x, top: top)

        canvas.beginTag("Figure", alt: alt)
        // The plot (names, bars, values, axis) is one leaf inside the Figure, beside its Caption: cairo 1.16
        // tags content only in leaf elements.
        canvas.beginTag("Div")
        let bx = x + labelColumn, barsTop = y
        // Right to left, names are on the right and bars grow leftwards from there: the whole plot is mirrored.
        let m = HorizontalFlip(rightToLeft: title.rightToLeft, left: x, width: width)
        for row in rows {
            let rowHeight = stacked ? row.label.height + barHeight : max(row.label.height, barHeight)
            let labelTop = stacked ? y : y + (rowHeight - row.label.height) / 2
            row.label.draw(canvas, x: m.x(x, width: row.label.width), top: labelTop, lines: 0..<row.label.lineCount)
            let barTop = stacked ? y + row.label.height : y + (rowHeight - barHeight) / 2
            let length = barLength * row.fraction
            drawBar(cr, x: m.x(bx, width: length), y: barTop, width: length, height: barHeight, arm: row.armIndex)
            if stacked { drawZeroLine(cr, x: m.point(bx), top: barTop - 2, bottom: barTop + barHeight + 2) }
            // The value sits just past the bar's end, vertically centred on it.
            row.value.draw(canvas, x: m.text(row.value, at: bx + length + barHeight * 0.3), top: barTop + (barHeight - row.value.height) / 2, lines: 0..<1)
            y += rowHeight + gap
        }
        // Names above their bars: a full-height zero line would run through them, so each bar has its own.
        drawAxis(cr, m, x: bx, top: stacked ? y - gap * 0.5 : barsTop, bottom: y - gap * 0.5)
        y -= gap * 0.5
        let tickTop = y + 4
        for tick in ticks {
            // Centred under its tick, but never past the chart's edges.
            let tx = bx + barLength * tick.fraction - tick.label.usedWidth / 2
            tick.label.draw(canvas, x: m.text(tick.label, at: min(max(x, tx), x + width - tick.label.usedWidth)), top: tickTop, lines: 0..<1)
        }
        y = tickTop + (ticks.first?.label.height ?? 0)
        axisTitle.draw(canvas, x: m.x(bx, width: axisTitle.width), top: y, lines: 0..<axisTitle.lineCount)
        y += axisTitle.height + gap * 0.5

        canvas.endTag()
        canvas.beginTag("Caption")
        if let effect {
            effect.draw(canvas, x: x, top: y, lines: 0..<effect.lineCount)
            y += effect.height + gap * 0.5
        }
        let lines = split.lineRange(slice)
        if !lines.isEmpty { caption.draw(canvas, x: x, top: y, lines: lines) }
        canvas.endTag()
        canvas.endTag()
    }

    private func drawZeroLine(_ cr: OpaquePointer, x: Double, top: Double, bottom: Double) {
        cairo_set_source_rgb(cr, axisColour.r, axisColour.g, axisColour.b)
        cairo_set_line_width(cr, 1.2)
        cairo_move_to(cr, x, top)
        cairo_line_to(cr, x, bottom)
        cairo_stroke(cr)
    }

    /// The value axis: a zero line up the bars' left edge, and a baseline with a tick at each labelled value.
    private func drawAxis(_ cr: OpaquePointer, _ m: HorizontalFlip, x: Double, top: Double, bottom: Double) {
        cairo_set_source_rgb(cr, axisColour.r, axisColour.g, axisColour.b)
        cairo_set_line_width(cr, 0.75)
        for tick in ticks where tick.fraction > 0 {
            let tx = m.point(x + barLength * tick.fraction)
            cairo_move_to(cr, tx, bottom)
            cairo_line_to(cr, tx, bottom + 4)
        }
        cairo_stroke(cr)
        cairo_set_line_width(cr, 1.2)
        cairo_move_to(cr, m.point(x), top - 2)
        cairo_line_to(cr, m.point(x), bottom + 4)
        cairo_move_to(cr, m.point(x), bottom)
        cairo_line_to(cr, m.point(x + barLength), bottom)
        cairo_stroke(cr)
    }

    private func drawBar(_ cr: OpaquePointer, x: Double, y: Double, width: Double, height: Double, arm: Int) {
        guard width > 0 else { return }
        cairo_rectangle(cr, x, y, width, height)
        ChartItem.fillArm(cr, x: x, y: y, width: width, height: height, arm: arm, palette: palette)
    }

    /// Fills the current path in the arm's colour and pattern; (x, y, width, height) bound the path.
    /// `patternStep` sets the pattern's scale (a third of the bar height by default).
    static func fillArm(_ cr: OpaquePointer, x: Double, y: Double, width: Double, height: Double, arm: Int, palette: [RGB],
                        patternStep: Double? = nil) {
        let c = palette[arm % palette.count]
        cairo_save(cr)
        cairo_set_source_rgb(cr, c.r, c.g, c.b)
        cairo_fill_preserve(cr)
        cairo_clip(cr)
        cairo_set_source_rgb(cr, 1, 1, 1)
        let step = patternStep ?? height / 3
        switch arm % 4 {
        case 0:
            break   // solid
        case 1:     // diagonal stripes
            cairo_set_line_width(cr, step * 0.35)
            var sx = x - height
            while sx < x + width {
                cairo_move_to(cr, sx, y + height)
                cairo_line_to(cr, sx + height, y)
                sx += step
            }
            cairo_stroke(cr)
        case 2:     // dots
            var row = 0
            var dy = y + step / 2
            while dy < y + height {
                var dx = x + step / 2 + (row % 2 == 0 ? 0 : step / 2)
                while dx < x + width {
                    cairo_new_sub_path(cr)
                    cairo_arc(cr, dx, dy, step * 0.2, 0, 2 * Double.pi)
                    dx += step
                }
                dy += step
                row += 1
            }
            cairo_fill(cr)
        default:    // cross-hatch
            cairo_set_line_width(cr, step * 0.25)
            var sx = x - height
            while sx < x + width {
                cairo_move_to(cr, sx, y + height)
                cairo_line_to(cr, sx + height, y)
                cairo_move_to(cr, sx, y)
                cairo_line_to(cr, sx + height, y + height)
                sx += step
            }
            cairo_stroke(cr)
        }
        cairo_restore(cr)
    }

    /// Tick labels along a bar length: as many round steps as fit without the labels crowding each other.
    static func ticks(_ chart: ChartSeries, length: Double, style: TextStyle, fonts: FontSetup) -> [(Double, TextBlock)] {
        var result: [(Double, TextBlock)] = []
        // Coarser steps repeat labels of finer ones (0, 50, 100…): each label is laid out once.
        var laidOut: [String: TextBlock] = [:]
        for intervals in stride(from: 5, through: 1, by: -1) {
            result = chart.ticks(intervals: intervals).map { v in
                let label = chart.tickLabel(v)
                if let block = laidOut[label] { return (v / chart.axisMax, block) }
                let block = TextBlock.laidOut(StyledText(label), style: style, width: length, fonts: fonts)
                laidOut[label] = block
                return (v / chart.axisMax, block)
            }
            let widest = result.map { $0.1.usedWidth }.max() ?? 0
            if Double(result.count - 1) * (widest + style.font.size) <= length { break }
        }
        return result
    }
}
