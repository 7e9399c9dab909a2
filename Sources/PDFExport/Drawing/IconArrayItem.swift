import CCairo
import TrialModel

/// A percentage outcome as icon arrays: per arm, 100 people in a 10 × 10 grid with the affected ones
/// filled (the model's `iconsFilled`) in the arm's colour and pattern, labelled directly beside the grid
/// with the group, its value and its natural frequency ("about 80 in 100 people"). Title, the arms side
/// by side as many as fit, which way is better, the effect and the caption; one unit that never splits.
final class IconArrayItem: FlowItem {
    struct Column {
        var label: TextBlock
        var value: TextBlock
        var filled: Int
        var armIndex: Int
    }

    let title: TextBlock
    let explanation: TextBlock?
    let columns: [Column]
    let key: TextBlock
    let effect: TextBlock?
    let caption: TextBlock?
    let split: CaptionSplit
    let cell: Double
    let columnWidth: Double
    let perRow: Int
    let gap: Double
    let palette: [RGB]
    let emptyColour: RGB

    /// `finding: false` leaves the finding out (the brief's side effects: the labelled counts say it).
    init(_ chart: ChartSeries, outcome: Outcome, styles: StyleSheet, fonts: FontSetup, width: Double, spaceBefore: Double,
         finding: Bool = true) {
        let l = styles.layout, link = l.colours.accent
        gap = styles.gap
        palette = l.colours.arms
        emptyColour = l.colours.muted
        cell = (l.type.body * 0.5).rounded()
        let grid = cell * Double(IconArray.side)
        let columnGap = l.type.body * 1.5
        // A column is the grid with its labels beside it (at least six ems wide).
        let minColumn = grid + gap + l.type.body * 6
        perRow = max(1, min(chart.bars.count, Int((width + columnGap) / (minColumn + columnGap))))
        columnWidth = (width - Double(perRow - 1) * columnGap) / Double(perRow)
        title = TextBlock.laidOut(StyledText(chart.title), style: styles.subheading, width: width, fonts: fonts)
        explanation = outcome.explanation.map { TextBlock.laidOut(.rich($0, linkColour: link), style: styles.small, width: width, fonts: fonts) }
        let colW = columnWidth - grid - gap
        columns = chart.bars.map { bar in
            var value = StyledText(bar.valueText, .bold)
            if let f = bar.frequency { value.append("\n" + f.peopleText(in: chart.words)) }
            return Column(label: TextBlock.laidOut(StyledText(bar.label), style: styles.body, width: colW, fonts: fonts),
                          value: TextBlock.laidOut(value, style: styles.body, width: colW, fonts: fonts),
                          filled: bar.iconsFilled ?? 0, armIndex: bar.armIndex)
        }
        key = TextBlock.laidOut(StyledText(chart.words.text(.eachSquare, chart.iconBetterText)), style: styles.small,
                        width: width, fonts: fonts)
        effect = outcome.effect.map { e in
            var s = StyledText(e.statement(in: chart.words), .bold)
            if let meaning = e.meaning, outcome.finding == nil { s.append(chart.words[.termSeparator] + meaning) }
            return TextBlock.laidOut(s, style: styles.body, width: width, fonts: fonts)
        }
        let captionText: StyledText = outcome.finding.map { .rich($0, linkColour: link) } ?? StyledText(chart.caption)
        caption = finding ? TextBlock.laidOut(captionText, style: styles.body, width: width, fonts: fonts) : nil

        let g = gap, cols = columns, n = perRow
        var h = title.height + (explanation.map { $0.height + g * 0.5 } ?? 0) + g
        for rowStart in stride(from: 0, to: cols.count, by: n) {
            h += IconArrayItem.rowHeight(cols[rowStart..<min(cols.count, rowStart + n)], grid: grid, gap: g) + g
        }
        h += key.height + g * 0.5 + (effect.map { $0.height + g * 0.5 } ?? 0)
        split = CaptionSplit(top: h, lines: caption?.lineCount ?? 0, pitch: styles.body.pitch)
        h += caption?.height ?? 0
        super.init(height: h, spaceBefore: spaceBefore)
        breaks = split.breaks
        outline = (2, chart.title)
        altText = chart.iconAltText
    }

    private static func rowHeight(_ row: ArraySlice<Column>, grid: Double, gap: Double) -> Double {
        max(grid, row.map { $0.label.height + gap * 0.3 + $0.value.height }.max() ?? 0)
    }

    override var textBlocks: [TextBlock] {
        var blocks: [TextBlock] = [title, key]
        if let caption { blocks.append(caption) }
        if let explanation { blocks.append(explanation) }
        if let effect { blocks.append(effect) }
        for c in columns { blocks += [c.label, c.value] }
        return blocks
    }

    override func draw(_ canvas: PDFCanvas, x: Double, top: Double, slice: Range<Double>) {
        guard slice.lowerBound == 0 else {
            if let caption { split.drawRest(of: caption, canvas: canvas, x: x, top: top, slice: slice, alt: altText) }
            return
        }
        var y = FigureHeading.draw(title: title, explanation: explanation, gap: gap, canvas: canvas, x: x, top: top)
        let grid = cell * Double(IconArray.side)
        let columnGap = perRow > 1 ? (title.width - columnWidth * Double(perRow)) / Double(perRow - 1) : 0
        // The Figure's /Alt is the model's text alternative (the finisher writes it), as for bar charts.
        canvas.beginTag("Figure", alt: altText)
        // Grids, labels and key are one leaf: cairo 1.16 tags content only in leaf elements.
        canvas.beginTag("Div")
        // Right to left, the first group is on the right, its label left of its grid, and the grid fills
        // from its top right corner: the whole figure is mirrored, the text only placed.
        let m = HorizontalFlip(rightToLeft: title.rightToLeft, left: x, width: title.width)
        for rowStart in stride(from: 0, to: columns.count, by: perRow) {
            let row = columns[rowStart..<min(columns.count, rowStart + perRow)]
            for (i, c) in row.enumerated() {
                let cx = x + Double(i) * (columnWidth + columnGap)
                let gx = m.x(cx, width: grid)
                if m.rightToLeft {
                    cairo_save(canvas.cr)
                    cairo_translate(canvas.cr, gx * 2 + grid, 0)
                    cairo_scale(canvas.cr, -1, 1)
                }
                IconArrayItem.drawGrid(canvas.cr, x: gx, y: y, cell: cell, filled: c.filled, arm: c.armIndex,
                                       palette: palette, empty: emptyColour)
                if m.rightToLeft { cairo_restore(canvas.cr) }
                let lx = m.x(cx + grid + gap, width: c.label.width)
                c.label.draw(canvas, x: lx, top: y, lines: 0..<c.label.lineCount)
                c.value.draw(canvas, x: lx, top: y + c.label.height + gap * 0.3, lines: 0..<c.value.lineCount)
            }
            y += IconArrayItem.rowHeight(row, grid: grid, gap: gap) + gap
        }
        key.draw(canvas, x: x, top: y, lines: 0..<key.lineCount)
        y += key.height + gap * 0.5
        canvas.endTag()
        if effect != nil || caption != nil {
            canvas.beginTag("Caption")
            if let effect {
                effect.draw(canvas, x: x, top: y, lines: 0..<effect.lineCount)
                y += effect.height + gap * 0.5
            }
            let lines = split.lineRange(slice)
            if !lines.isEmpty { caption?.draw(canvas, x: x, top: y, lines: lines) }
            canvas.endTag()
        }
        canvas.endTag()
    }

    /// Strokes the current path with the arm's colour and pattern as a repeating tile: the PDF holds the
    /// motif once (a tiling pattern), not hundreds of dots and lines.
    private static func strokeTiled(_ cr: OpaquePointer, x: Double, y: Double, step s: Double, arm: Int, palette: [RGB]) {
        let c = palette[arm % palette.count]
        guard arm % 4 != 0 else {
            cairo_set_source_rgb(cr, c.r, c.g, c.b)
            cairo_stroke(cr)
            return
        }
        var extents = cairo_rectangle_t(x: 0, y: 0, width: s, height: s)
        let tile = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents)!
        defer { cairo_surface_destroy(tile) }
        let t = cairo_create(tile)!
        cairo_set_source_rgb(t, c.r, c.g, c.b)
        cairo_paint(t)
        cairo_set_source_rgb(t, 1, 1, 1)
        // Lines run corner to corner and on into the neighbouring tiles, so the motif joins seamlessly.
        func diagonal(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) {
            for dx in [0.0, -s, s] {
                cairo_move_to(t, x0 + dx, y0)
                cairo_line_to(t, x1 + dx, y1)
            }
        }
        switch arm % 4 {
        case 1:     // diagonal stripes
            cairo_set_line_width(t, s * 0.3)
            diagonal(0, s, s, 0)
            cairo_stroke(t)
        case 2:     // dots
            cairo_arc(t, s / 2, s / 2, s * 0.2, 0, 2 * Double.pi)
            cairo_fill(t)
        default:    // cross-hatch
            cairo_set_line_width(t, s * 0.2)
            diagonal(0, s, s, 0)
            diagonal(0, 0, s, s)
            cairo_stroke(t)
        }
        cairo_destroy(t)
        let pattern = cairo_pattern_create_for_surface(tile)!
        defer { cairo_pattern_destroy(pattern) }
        cairo_pattern_set_extend(pattern, CAIRO_EXTEND_REPEAT)
        var m = cairo_matrix_t()
        cairo_matrix_init_translate(&m, -x, -y)
        cairo_pattern_set_matrix(pattern, &m)
        cairo_set_source(cr, pattern)
        cairo_stroke(cr)
    }

    /// Marks row by row from the top left: the first `filled` in the arm's colour and pattern, the rest as
    /// outlines, so the count reads in the same order everywhere. Marks are squares drawn as dashed lines
    /// with butt caps, which cover exactly the squares and their outlines: a row of filled marks is one line as
    /// thick as a mark, dashed mark, gap, mark…; the outlines are the empty marks' top and bottom edges row by
    /// row and their left and right edges column by column, each line dashed so that it covers one edge of
    /// each mark, half the outline's width beyond it at both ends (the corners). cairo writes a path of many
    /// squares as four points each (it writes `re` only for a path that is one rectangle); as lines, a grid is
    /// ~50 lines instead of 400 points, the numbers that were most of a handout's page content
    /// (docs/performance.md, "Issue 18, fourth round").
    static func drawGrid(_ cr: OpaquePointer, x: Double, y: Double, cell: Double, filled: Int, arm: Int,
                         palette: [RGB], empty: RGB) {
        let side = cell * 0.76, inset = (cell - side) / 2, n = IconArray.side
        let count = max(0, min(IconArray.total, filled))
        func dash(_ on: Double) {
            // No gap (outlines that overlap their neighbours'): one unbroken line covers the same.
            if cell - on > 0 {
                var pattern = [on, cell - on]
                cairo_set_dash(cr, &pattern, 2, 0)
            } else {
                cairo_set_dash(cr, nil, 0, 0)
            }
        }
        cairo_save(cr)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
        if count > 0 {
            cairo_new_path(cr)
            for row in 0..<((count + n - 1) / n) {
                let marks = min(n, count - row * n), middle = y + cell * Double(row) + inset + side / 2
                cairo_move_to(cr, x + inset, middle)
                cairo_line_to(cr, x + cell * Double(marks - 1) + inset + side, middle)
            }
            cairo_set_line_width(cr, side)
            dash(side)
            strokeTiled(cr, x: x, y: y, step: cell / 2, arm: arm, palette: palette)
        }
        if count < IconArray.total {
            let width = 0.75, half = width / 2
            let lastEdge = cell * Double(n - 1) + inset + side + half
            cairo_new_path(cr)
            for row in (count / n)..<n {
                let first = row == count / n ? count % n : 0
                for edge in [0.0, side] {
                    let ey = y + cell * Double(row) + inset + edge
                    cairo_move_to(cr, x + cell * Double(first) + inset - half, ey)
                    cairo_line_to(cr, x + lastEdge, ey)
                }
            }
            for column in 0..<n {
                let firstRow = count / n + (column < count % n ? 1 : 0)
                guard firstRow < n else { continue }
                for edge in [0.0, side] {
                    let ex = x + cell * Double(column) + inset + edge
                    cairo_move_to(cr, ex, y + cell * Double(firstRow) + inset - half)
                    cairo_line_to(cr, ex, y + lastEdge)
                }
            }
            cairo_set_source_rgb(cr, empty.r, empty.g, empty.b)
            cairo_set_line_width(cr, width)
            dash(side + width)
            cairo_stroke(cr)
        }
        cairo_restore(cr)
    }
}
