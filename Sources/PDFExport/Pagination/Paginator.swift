/// Distributes measured items over pages: headings stay with what follows, charts and boxes never
/// split, paragraphs split only between lines with at least two lines on either side (no orphans or
/// widows: `breaks` holds only such cuts).
struct Paginator {
    /// Usable height of a page's text area, in points.
    var pageHeight: Double

    func paginate(_ items: [FlowItem]) -> [[Placement]] {
        let slack = 0.01
        var pages: [[Placement]] = [[]]
        var y = 0.0
        func newPage() { pages.append([]); y = 0 }
        func place(_ i: Int, _ space: Double, _ slice: Range<Double>) {
            pages[pages.count - 1].append(Placement(item: i, top: y + space, slice: slice, gapAbove: space))
            y += space + extent(items[i], slice)
        }
        for (i, item) in items.enumerated() {
            var from = 0.0
            while true {
                let atTop = pages[pages.count - 1].isEmpty
                let space = atTop || from > 0 ? 0 : item.spaceBefore
                let available = pageHeight - y - space
                if from == 0, !atTop, keepHeight(items, i) > available + slack { newPage(); continue }
                if extent(item, from..<item.height) <= available + slack { place(i, space, from..<item.height); break }
                if let cut = item.breaks.last(where: { $0 > from && extent(item, from..<$0) <= available + slack }) {
                    place(i, space, from..<cut)
                    from = cut
                    newPage()
                    continue
                }
                // Taller than a whole page and unsplittable: let it overflow rather than loop forever.
                if atTop { place(i, space, from..<item.height); break }
                newPage()
            }
        }
        return pages
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
}
