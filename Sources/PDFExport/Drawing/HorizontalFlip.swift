/// Horizontal positions in the handout's direction. Items measure and place their parts left to right, as
/// in English; right to left, each part is flipped within the item's box (`left`, `width`), so a list's
/// bullet, a table's label column, a chart's names and the start of its bars are on the right. Text keeps
/// its own shaping: only where a text block goes is mirrored, never its glyphs.
struct HorizontalFlip {
    let rightToLeft: Bool
    let left: Double
    let width: Double

    /// Where a part that starts at `x` and is `w` wide goes.
    func x(_ x: Double, width w: Double) -> Double {
        rightToLeft ? left + width - (x - left) - w : x
    }

    /// Where a point (a line, an axis, a tick) at `x` goes.
    func point(_ x: Double) -> Double { self.x(x, width: 0) }

    /// The x to draw `block` at so that its text (`usedWidth` wide) starts at `x` left to right, and takes the
    /// mirrored place right to left.
    func text(_ block: TextBlock, at x: Double) -> Double {
        self.x(x, width: block.usedWidth) - block.usedLeft
    }
}
