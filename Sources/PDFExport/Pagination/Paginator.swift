/// Distributes measured items over pages: headings stay with what follows, charts and boxes never
/// split, paragraphs split only between lines with at least two lines on either side (no orphans or
/// widows: `breaks` holds only such cuts).
///
/// Text flows around kept-together units: when a chart (with the headings chained to it) does not fit in
/// what is left of a page, the plain paragraphs and headings after it fill that space first (the last one
/// may split and goes on under the unit), and the unit opens the next page; so a page is never left
/// mostly empty ahead of a chart.
///
/// When no text can flow up (the chart is followed by another chart), the page ahead of the chart would
/// still end early. Then the pages before it are balanced: the page before gives up its last lines or
/// blocks (it ends a little earlier), the short page takes them, and the chart stays where it was. Order
/// and page count never change; only where earlier pages end.
struct Paginator {
    /// Usable height of a page's text area, in points.
    var pageHeight: Double
    /// Space left on a page below which a unit that does not fit simply moves on (nothing worth pulling).
    var pullThreshold = 0.15
    /// Pages (but the last) filled less than this are balanced with the pages before them.
    var minimumFill = 0.6
    /// How many pages before a short page may give it content.
    var balanceReach = 2

    private let slack = 0.01

    func paginate(_ items: [FlowItem]) -> [[Placement]] {
        var best = layout(items, capacities: [:])
        var capacities: [Int: Double] = [:]
        var score = Score(best, items: items, pageHeight: pageHeight, minimumFill: minimumFill)
        // Each round fixes the first short page it can; a page that cannot be helped stays as it is.
        var skip = Set<Int>()
        for _ in 0..<8 {
            guard let short = score.fills.indices.dropLast().first(where: { $0 > 0 && score.fills[$0] < minimumFill && !skip.contains($0) })
            else { break }
            var improved = false
            for giver in stride(from: short - 1, through: max(0, short - balanceReach), by: -1) {
                for cap in cutHeights(best[giver], items: items) {
                    var trial = capacities
                    trial[giver] = cap + slack
                    // Pages between the giver and the short page pass content on in turn: leave them unbounded.
                    let pages = layout(items, capacities: trial)
                    let s = Score(pages, items: items, pageHeight: pageHeight, minimumFill: minimumFill)
                    if s.isBetter(than: score) { best = pages; score = s; capacities = trial; improved = true }
                }
                if improved { break }
            }
            if !improved { skip.insert(short) }
        }
        return best
    }

    /// How good a pagination is: never more pages; then fewer short pages; then a fuller shortest page.
    private struct Score {
        var fills: [Double]
        var pages: Int { fills.count }
        var short: Int
        var lowest: Double

        init(_ pages: [[Placement]], items: [FlowItem], pageHeight: Double, minimumFill: Double) {
            fills = Paginator.fill(pages, items: items, pageHeight: pageHeight)
            let measured = fills.dropLast()
            short = measured.filter { $0 < minimumFill }.count
            lowest = measured.min() ?? 1
        }

        func isBetter(than other: Score) -> Bool {
            guard pages <= other.pages else { return false }
            if short != other.short { return short < other.short }
            return lowest > other.lowest + 0.005
        }
    }

    /// Heights at which a page could end earlier: above each block on it (but the first), and at each
    /// allowed cut inside a block, highest first.
    private func cutHeights(_ page: [Placement], items: [FlowItem]) -> [Double] {
        var cuts: [Double] = []
        for (n, p) in page.enumerated() {
            if n > 0 { cuts.append(p.top - p.gapAbove) }
            let item = items[p.item]
            for b in item.breaks where b > p.slice.lowerBound && b < p.slice.upperBound {
                cuts.append(p.top + extent(item, p.slice.lowerBound..<b))
            }
        }
        return cuts.filter { $0 > 0 }.sorted(by: >)
    }

    /// The pagination with each page's usable height (`capacities`, by page index; others `pageHeight`).
    private func layout(_ items: [FlowItem], capacities: [Int: Double]) -> [[Placement]] {
        var state = State(capacities: capacities, pageHeight: pageHeight)
        var pulled = Set<Int>()
        var i = 0
        while i < items.count {
            defer { i += 1 }
            if pulled.contains(i) { continue }
            if let end = unitEnd(items, i), !state.atTop {
                let space = items[i].spaceBefore
                let need = keepHeight(items, i)
                let available = state.height - state.y - space
                if need > available + slack, need <= pageHeight, available > pageHeight * pullThreshold {
                    let remainder = pullText(items, after: end, into: &state, pulled: &pulled)
                    // The unit opens the next page; a split paragraph goes on under it.
                    state.newPage()
                    for k in i...end { flow(items, k, from: 0, &state) }
                    if let (j, cut) = remainder { flow(items, j, from: cut, &state) }
                    i = end
                    continue
                }
            }
            flow(items, i, from: 0, &state)
        }
        return state.pages
    }

    /// Pages being filled and the height used on the last one.
    private struct State {
        let capacities: [Int: Double]
        let pageHeight: Double
        var pages: [[Placement]] = [[]]
        var y = 0.0
        /// Usable height of the page being filled.
        var height: Double { capacities[pages.count - 1] ?? pageHeight }
        var atTop: Bool { pages[pages.count - 1].isEmpty }
        mutating func newPage() { pages.append([]); y = 0 }
        mutating func place(_ i: Int, _ space: Double, _ slice: Range<Double>, extent: Double) {
            pages[pages.count - 1].append(Placement(item: i, top: y + space, slice: slice, gapAbove: space))
            y += space + extent
        }
    }

    /// Places item `i` from height `from`, splitting and opening pages as needed.
    private func flow(_ items: [FlowItem], _ i: Int, from start: Double, _ state: inout State) {
        let item = items[i]
        var from = start
        while true {
            let atTop = state.atTop
            let space = atTop || from > 0 ? 0 : item.spaceBefore
            let available = state.height - state.y - space
            if from == 0, !atTop, keepHeight(items, i) > available + slack { state.newPage(); continue }
            if extent(item, from..<item.height) <= available + slack {
                state.place(i, space, from..<item.height, extent: extent(item, from..<item.height))
                return
            }
            if let cut = item.breaks.last(where: { $0 > from && extent(item, from..<$0) <= available + slack }) {
                state.place(i, space, from..<cut, extent: extent(item, from..<cut))
                from = cut
                state.newPage()
                continue
            }
            // Taller than a whole page and unsplittable: let it overflow rather than loop forever.
            if atTop { state.place(i, space, from..<item.height, extent: extent(item, from..<item.height)); return }
            state.newPage()
        }
    }

    /// When item `i` starts a kept-together unit (a figure and the headings chained to it), the index of
    /// the figure. Only figures: text pulled ahead of a list item or a quote would land inside its tags.
    private func unitEnd(_ items: [FlowItem], _ i: Int) -> Int? {
        var k = i
        while items[k].keepWithNext, k + 1 < items.count { k += 1 }
        return items[k].isFigure ? k : nil
    }

    /// Fills the current page with the movable text after `end`; returns a paragraph's unplaced rest.
    private func pullText(_ items: [FlowItem], after end: Int, into state: inout State, pulled: inout Set<Int>) -> (Int, Double)? {
        var j = end + 1
        while j < items.count, items[j].flowsAroundUnits {
            let item = items[j]
            let space = state.atTop ? 0 : item.spaceBefore
            let available = state.height - state.y - space
            if item.keepWithNext {
                // A heading comes along only with the start of movable text under it.
                guard j + 1 < items.count, items[j + 1].flowsAroundUnits, !items[j + 1].keepWithNext,
                      keepHeight(items, j) <= available + slack else { return nil }
            } else if item.height > available + slack {
                guard let cut = item.breaks.last(where: { extent(item, 0..<$0) <= available + slack }) else { return nil }
                state.place(j, space, 0..<cut, extent: extent(item, 0..<cut))
                pulled.insert(j)
                return (j, cut)
            }
            state.place(j, space, 0..<item.height, extent: item.height)
            pulled.insert(j)
            j += 1
        }
        return nil
    }

    /// Height a part of an item takes on the page, with padding at the edges where it was cut.
    private func extent(_ item: FlowItem, _ slice: Range<Double>) -> Double {
        let cuts = (slice.lowerBound > 0 ? 1.0 : 0) + (slice.upperBound < item.height - 0.001 ? 1.0 : 0)
        return slice.upperBound - slice.lowerBound + cuts * item.cutPadding
    }

    /// Height that must fit for item `i` to start on this page: the item (or its first lines, when it
    /// may be split), plus, for a heading, the start of what follows, recursively.
    private func keepHeight(_ items: [FlowItem], _ i: Int) -> Double {
        let item = items[i]
        guard item.keepWithNext, i + 1 < items.count else { return item.breaks.first.map { $0 + item.cutPadding } ?? item.height }
        return item.height + items[i + 1].spaceBefore + keepHeight(items, i + 1)
    }

    /// Fill of each page (content height over text-area height), for the page-fill figures.
    static func fill(_ pages: [[Placement]], items: [FlowItem], pageHeight: Double) -> [Double] {
        pages.map { page in
            let bottom = page.map { $0.top + ($0.slice.upperBound - $0.slice.lowerBound) }.max() ?? 0
            return min(1, bottom / pageHeight)
        }
    }
}
