/// One piece of the handout in reading order, measured before any page exists, so pagination knows
/// every height and "Page N of M" can be printed on the first page.
class FlowItem {
    /// Full height in points, without `spaceBefore`.
    var height: Double
    /// Space above, dropped at the top of a page.
    var spaceBefore: Double
    /// Headings: never the last thing on a page.
    var keepWithNext = false
    /// Heights from the top where the item may be split between pages, ascending; empty = never split
    /// (charts, boxes).
    var breaks: [Double] = []
    /// Extra height a part needs at each edge where the item was cut (a box's padding at its cut edges).
    var cutPadding = 0.0
    /// Structure tags opened just before the item (e.g. `L` before the first list item) and how many
    /// enclosing tags close right after it.
    var openTags: [String] = []
    var closeTags = 0
    /// The item's own structure tag (P, H2, LI…), spanning all its slices.
    var tag: String?
    /// An outline (bookmark) entry pointing at the item: level 1 for sections, 2 below.
    var outline: (level: Int, title: String)?
    /// Items with the same group share a continuous side rule (a quote, the glossary).
    var ruleGroup: Int?
    var ruleColour: RGB?
    /// Plain paragraphs and headings (no list, quote or box): text that may fill a page ahead of a chart
    /// that did not fit there.
    var movable = false
    var flowsAroundUnits: Bool {
        movable && openTags.isEmpty && closeTags == 0 && ruleGroup == nil && ["P", "H2", "H3"].contains(tag ?? "")
    }
    /// A figure's text alternative (charts, icon arrays), for the Figure's /Alt.
    var altText: String?
    /// A chart or icon array: kept together, and text may flow around it.
    var isFigure: Bool { altText != nil }

    init(height: Double, spaceBefore: Double) {
        self.height = height
        self.spaceBefore = spaceBefore
    }

    /// Draws the part of the item between `slice.lowerBound` and `slice.upperBound` (heights from its top)
    /// with that part's top at page coordinate `top`.
    func draw(_ canvas: PDFCanvas, x: Double, top: Double, slice: Range<Double>) {}

    /// Text blocks the item draws, for the unknown-glyph count.
    var textBlocks: [TextBlock] { [] }

    /// Glyphs no loaded font has, over all the item's text: must be 0.
    var unknownGlyphs: Int { textBlocks.reduce(0) { $0 + $1.unknownGlyphs } }
}

/// Where a slice of an item landed.
struct Placement {
    var item: Int
    var top: Double
    var slice: Range<Double>
    /// Space above the slice on its page (0 at the top of a page), for side rules that bridge the gap.
    var gapAbove: Double
}
