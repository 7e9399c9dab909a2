import CCairo

/// A framed box with a heading: the "Key facts" table (label, value rows, tagged Table/TR/TH/TD so
/// assistive technology reads each label with its value) and the glossary (one entry per row, tagged
/// L/LI). In large print a box can be taller than what is left of a page, so it may split between rows
/// (two rows at least on each side); each part gets its own frame.
final class FramedBox: FlowItem {
    enum Kind { case table, list }

    let kind: Kind
    let heading: TextBlock
    /// A row is a label and a value (table) or just a value (list).
    let rows: [(label: TextBlock?, value: TextBlock)]
    let padding: Double
    let labelWidth: Double
    let rowGap: Double
    let frame: RGB
    /// Top of each row and of the bottom padding, measured from the box's top.
    private let rowTops: [Double]

    init(_ kind: Kind, heading: TextBlock, rows: [(TextBlock?, TextBlock)], labelWidth: Double, padding: Double,
         rowGap: Double, frame: RGB, spaceBefore: Double) {
        self.kind = kind
        self.heading = heading
        self.rows = rows
        self.padding = padding
        self.labelWidth = labelWidth
        self.rowGap = rowGap
        self.frame = frame
        var tops: [Double] = []
        var y = padding + heading.height + rowGap
        for (label, value) in rows {
            tops.append(y)
            y += max(label?.height ?? 0, value.height) + rowGap
        }
        tops.append(y - rowGap)
        rowTops = tops
        super.init(height: y - rowGap + padding, spaceBefore: spaceBefore)
        if rows.count >= 4 { breaks = (2...(rows.count - 2)).map { tops[$0] - rowGap / 2 } }
        cutPadding = padding
    }

    override var textBlocks: [TextBlock] { [heading] + rows.flatMap { [$0.label, $0.value].compactMap { $0 } } }

    override func draw(_ canvas: PDFCanvas, x: Double, top: Double, slice: Range<Double>) {
        let cr = canvas.cr
        let width = heading.width + padding * 2
        let first = slice.lowerBound == 0, last = slice.upperBound >= height - 0.001
        // A part that continues gets padding at its cut edges, so its text never touches the frame.
        let padTop = first ? 0 : padding, padBottom = last ? 0 : padding
        let boxHeight = slice.upperBound - slice.lowerBound + padTop + padBottom
        let origin = top - slice.lowerBound + padTop    // where the box's own y = 0 lands on this page
        // A frame, not a tint: text never sits on a coloured background (contrast on office printers).
        cairo_set_source_rgb(cr, frame.r, frame.g, frame.b)
        cairo_set_line_width(cr, 1.5)
        cairo_rectangle(cr, x + 0.75, top + 0.75, width - 1.5, boxHeight - 1.5)
        cairo_stroke(cr)
        // The thick edge is where lines start: on the right, right to left, with the label column.
        let m = HorizontalFlip(rightToLeft: heading.rightToLeft, left: x, width: width)
        cairo_rectangle(cr, m.x(x, width: 5), top, 5, boxHeight)
        cairo_fill(cr)

        let inner = x + padding
        if first {
            canvas.beginTag("H2")
            heading.draw(canvas, x: inner, top: origin + padding, lines: 0..<heading.lineCount)
            canvas.endTag()
        }
        canvas.beginTag(kind == .table ? "Table" : "L", continues: !first)
        for (i, (label, value)) in rows.enumerated() where slice.contains(rowTops[i]) {
            let y = origin + rowTops[i]
            switch kind {
            case .table:
                canvas.beginTag("TR")
                canvas.beginTag("TH", scope: "Row")
                if let label { label.draw(canvas, x: m.x(inner, width: label.width), top: y, lines: 0..<label.lineCount) }
                canvas.endTag()
                canvas.beginTag("TD")
                value.draw(canvas, x: m.x(inner + labelWidth, width: value.width), top: y, lines: 0..<value.lineCount)
                canvas.endTag()
                canvas.endTag()
            case .list:
                canvas.beginTag("LI")
                canvas.beginTag("LBody")
                value.draw(canvas, x: inner, top: y, lines: 0..<value.lineCount)
                canvas.endTag()
                canvas.endTag()
            }
        }
        canvas.endTag()
    }
}
