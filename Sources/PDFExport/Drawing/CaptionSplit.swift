/// Where a figure's caption (its finding, text) may break across pages: the plot with its title, axis
/// and effect line stays whole, the caption flows like a paragraph (two lines at least on each side of a
/// cut, or the whole caption on the next page).
struct CaptionSplit {
    /// Top of the caption, from the figure's top.
    let top: Double
    let lines: Int
    let pitch: Double

    var breaks: [Double] {
        guard lines >= 2 else { return [] }
        return [top] + (lines >= 4 ? (2...(lines - 2)).map { top + Double($0) * pitch } : [])
    }

    /// Caption lines inside `slice` (heights from the figure's top).
    func lineRange(_ slice: Range<Double>) -> Range<Int> {
        let from = max(0, Int(((slice.lowerBound - top) / pitch).rounded()))
        let to = min(lines, Int(((slice.upperBound - top) / pitch).rounded()))
        return from..<max(from, to)
    }

    /// The caption's rest on a later page, inside continuations of the Figure and its Caption: the finisher
    /// joins them to the first part, so the Figure keeps one Caption (a P here would leave it outside).
    func drawRest(of caption: TextBlock, canvas: PDFCanvas, x: Double, top: Double, slice: Range<Double>, alt: String?) {
        canvas.beginTag("Figure", continues: true, alt: alt)
        canvas.beginTag("Caption", continues: true)
        caption.draw(canvas, x: x, top: top, lines: lineRange(slice))
        canvas.endTag()
        canvas.endTag()
    }
}
