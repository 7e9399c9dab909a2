import CCairo

/// A paragraph, heading or list item: one `TextBlock`, optionally indented and with a bullet.
final class TextItem: FlowItem {
    let block: TextBlock
    let indent: Double
    let bullet: TextBlock?

    init(_ block: TextBlock, indent: Double = 0, bullet: TextBlock? = nil, spaceBefore: Double? = nil, tag: String? = "P") {
        self.block = block
        self.indent = indent
        self.bullet = bullet
        super.init(height: block.height, spaceBefore: spaceBefore ?? block.style.spaceBefore)
        self.tag = tag
        movable = bullet == nil && indent == 0
        let n = block.lineCount
        // Only cuts leaving two lines or more on each page: no orphans, no widows.
        if n >= 4 { breaks = (2...(n - 2)).map { Double($0) * block.style.pitch } }
    }

    override var textBlocks: [TextBlock] { [block] + (bullet.map { [$0] } ?? []) }

    override func draw(_ canvas: PDFCanvas, x: Double, top: Double, slice: Range<Double>) {
        let pitch = block.style.pitch
        let lines = Int((slice.lowerBound / pitch).rounded())..<Int((slice.upperBound / pitch).rounded())
        // Right to left, the indent and the bullet are on the right.
        let m = HorizontalFlip(rightToLeft: block.rightToLeft, left: x, width: indent + block.width)
        let bodyX = m.x(x + indent, width: block.width)
        guard let bullet else {
            block.draw(canvas, x: bodyX, top: top, lines: lines)
            return
        }
        // A list item is a label (the bullet) and a body, as PDF structure has it.
        if slice.lowerBound == 0 {
            canvas.beginTag("Lbl")
            bullet.draw(canvas, x: m.text(bullet, at: x + indent - bullet.usedWidth - block.style.font.size * 0.45), top: top, lines: 0..<1)
            canvas.endTag()
        }
        canvas.beginTag("LBody", continues: slice.lowerBound > 0)
        block.draw(canvas, x: bodyX, top: top, lines: lines)
        canvas.endTag()
    }
}
