import CCairo

/// The "Key facts" box under the lead: a framed two-column table (label, value), tagged as a Table
/// so assistive technology reads each label with its value. Never split across pages.
final class KeyFactsBox: FlowItem {
    let heading: TextBlock
    let rows: [(label: TextBlock, value: TextBlock)]
    let padding: Double
    let labelWidth: Double
    let rowGap: Double
    let frame: RGB

    init(heading: TextBlock, rows: [(TextBlock, TextBlock)], labelWidth: Double, padding: Double, rowGap: Double,
         frame: RGB, spaceBefore: Double) {
        self.heading = heading
        self.rows = rows
        self.padding = padding
        self.labelWidth = labelWidth
        self.rowGap = rowGap
        self.frame = frame
        let body = rows.reduce(0) { $0 + max($1.0.height, $1.1.height) } + rowGap * Double(max(0, rows.count - 1))
        super.init(height: padding * 2 + heading.height + rowGap + body, spaceBefore: spaceBefore)
        outline = (1, "Key facts")
    }

    override var textBlocks: [TextBlock] { [heading] + rows.flatMap { [$0.label, $0.value] } }

    override func draw(_ canvas: PDFCanvas, x: Double, top: Double, slice: Range<Double>) {
        let cr = canvas.cr
        let width = heading.width + padding * 2
        // A frame, not a tint: text never sits on a coloured background (contrast on office printers).
        cairo_set_source_rgb(cr, frame.r, frame.g, frame.b)
        cairo_set_line_width(cr, 1.5)
        cairo_rectangle(cr, x + 0.75, top + 0.75, width - 1.5, height - 1.5)
        cairo_stroke(cr)
        cairo_rectangle(cr, x, top, 5, height)
        cairo_fill(cr)

        let inner = x + padding
        var y = top + padding
        canvas.beginTag("H2")
        heading.draw(cr, x: inner, top: y, lines: 0..<heading.lineCount)
        canvas.endTag()
        y += heading.height + rowGap
        canvas.beginTag("Table")
        for (label, value) in rows {
            canvas.beginTag("TR")
            canvas.beginTag("TH")
            label.draw(cr, x: inner, top: y, lines: 0..<label.lineCount)
            canvas.endTag()
            canvas.beginTag("TD")
            value.draw(cr, x: inner + labelWidth, top: y, lines: 0..<value.lineCount)
            for link in value.linkRects(x: inner + labelWidth, top: y, lines: 0..<value.lineCount) {
                canvas.link(link.url, rects: link.rects)
            }
            canvas.endTag()
            canvas.endTag()
            y += max(label.height, value.height) + rowGap
        }
        canvas.endTag()
    }
}
