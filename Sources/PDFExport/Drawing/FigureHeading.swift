/// The heading every figure (bar chart, icon array) opens with: its title as `H3`, then its explanation as `P`.
enum FigureHeading {
    /// Draws both and returns the top of the plot below them.
    static func draw(title: TextBlock, explanation: TextBlock?, gap: Double, canvas: PDFCanvas, x: Double, top: Double) -> Double {
        var y = top
        canvas.beginTag("H3")
        title.draw(canvas, x: x, top: y, lines: 0..<title.lineCount)
        canvas.endTag()
        y += title.height
        if let explanation {
            y += gap * 0.5
            canvas.beginTag("P")
            explanation.draw(canvas, x: x, top: y, lines: 0..<explanation.lineCount)
            canvas.endTag()
            y += explanation.height
        }
        return y + gap
    }
}
