import Testing
@testable import PDFExport

@Suite struct PaginatorTests {
    /// A text-like item of `lines` lines, 10 pt each, splittable with two lines at least on each side.
    func text(_ lines: Int, space: Double = 5, keep: Bool = false) -> FlowItem {
        let f = FlowItem(height: Double(lines) * 10, spaceBefore: space)
        if lines >= 4 { f.breaks = (2...(lines - 2)).map { Double($0) * 10 } }
        f.keepWithNext = keep
        return f
    }

    func box(_ height: Double) -> FlowItem { FlowItem(height: height, spaceBefore: 5) }

    @Test func headingNeverEndsAPage() {
        // 80 of 100 used; the heading (10) fits but not with two lines of what follows.
        let pages = Paginator(pageHeight: 100).paginate([box(80), text(1, keep: true), text(6)])
        #expect(pages.count == 2)
        #expect(pages[1].first?.item == 1)
    }

    @Test func unsplittableItemsMoveWhole() {
        let pages = Paginator(pageHeight: 100).paginate([text(5), box(60)])
        #expect(pages.map { $0.map(\.item) } == [[0], [1]])
        #expect(pages[1][0].slice == 0..<60)
        #expect(pages[1][0].top == 0)   // no space above at the top of a page
    }

    @Test func paragraphsSplitWithoutOrphansOrWidows() {
        // 30 used + 5 space: 65 left → 6 of 8 lines would fit, but only cuts leaving ≥2 lines are allowed.
        let pages = Paginator(pageHeight: 100).paginate([box(30), text(8)])
        #expect(pages.count == 2)
        let first = pages[0][1].slice, second = pages[1][0].slice
        #expect(first == 0..<60 && second == 60..<80)
    }

    @Test func chainedHeadingsStayTogether() {
        // H2 then H3 then a chart: if the chart does not fit, both headings move with it.
        let pages = Paginator(pageHeight: 100).paginate([box(40), text(1, keep: true), text(1, keep: true), box(50)])
        #expect(pages.map { $0.map(\.item) } == [[0], [1, 2, 3]])
    }

    @Test func oversizedItemOverflowsInsteadOfLooping() {
        let pages = Paginator(pageHeight: 100).paginate([box(150), text(2)])
        #expect(pages.count == 2)
    }

    @Test func cutPaddingCounts() {
        let b = FlowItem(height: 100, spaceBefore: 0)
        b.breaks = [40, 60]
        b.cutPadding = 10
        // 45 used: 55 left; the cut at 40 needs 40 + 10 padding = 50 → fits; the rest needs 60 + 10.
        let pages = Paginator(pageHeight: 100).paginate([box(40), b])
        #expect(pages[0].last?.slice == 0..<40)
        #expect(pages[1].first?.slice == 40..<100)
    }

    /// A movable paragraph (like the composer's plain `P`).
    func paragraph(_ lines: Int, keep: Bool = false, tag: String = "P") -> FlowItem {
        let f = text(lines, keep: keep)
        f.movable = true
        f.tag = tag
        return f
    }

    func figure(_ height: Double) -> FlowItem {
        let f = box(height)
        f.altText = "chart"
        return f
    }

    @Test func textFlowsAroundAFigureThatDoesNotFit() {
        // 50 used; the 60-high chart does not fit, so the paragraphs after it fill the page (the second splits
        // with two lines at least on each side) and the chart opens the next page, the paragraph's rest under it.
        let pages = Paginator(pageHeight: 100).paginate([box(50), figure(60), paragraph(2), paragraph(4), paragraph(1)])
        #expect(pages.map { $0.map(\.item) } == [[0, 2, 3], [1, 3, 4]])
        #expect(pages[0][2].slice == 0..<20 && pages[1][1].slice == 20..<40)
    }

    @Test func headingsComeAlongOnlyWithTheirText() {
        // A heading after the chart moves ahead only if its first lines fit too; a list never moves.
        let pages = Paginator(pageHeight: 100).paginate([box(30), figure(70), paragraph(1, keep: true, tag: "H3"), paragraph(2), list()])
        #expect(pages.map { $0.map(\.item) } == [[0, 2, 3], [1, 4]])
        let blocked = Paginator(pageHeight: 100).paginate([box(30), figure(70), list(), paragraph(2)])
        #expect(blocked.map { $0.map(\.item) } == [[0], [1, 2], [3]])
    }

    @Test func nearlyFullPagesLetTheFigureMoveOn() {
        // Only 10 of 100 left: not worth reordering.
        let pages = Paginator(pageHeight: 100).paginate([box(85), figure(80), paragraph(1)])
        #expect(pages.map { $0.map(\.item) } == [[0], [1, 2]])
    }

    @Test func shortPageAheadOfAFigureRunTakesLinesFromThePageBefore() {
        // Greedy: page 1 holds only a 4-line paragraph (40 %), because two figures follow and no text can flow
        // up. Balanced: page 0 gives its last two lines, so both pages are at least 60 % full; order and page
        // count stay.
        let items = [text(9), text(4), figure(70), figure(70)]
        let pages = Paginator(pageHeight: 100).paginate(items)
        #expect(pages.map { $0.map(\.item) } == [[0], [0, 1], [2], [3]])
        #expect(pages[0][0].slice == 0..<70 && pages[1][0].slice == 70..<90)
        let fill = Paginator.fill(pages, items: items, pageHeight: 100)
        #expect(fill.dropLast().allSatisfy { $0 >= 0.6 })
        // Without balancing, the page before the figures is left at 40 %.
        let greedy = Paginator(pageHeight: 100, minimumFill: 0).paginate(items)
        #expect(greedy.map { $0.map(\.item) } == [[0], [1], [2], [3]])
    }

    @Test func balancingNeverAddsAPage() {
        // The page before (one box) has nothing to give: the short page stays as it is, and no page is added.
        let items = [box(80), text(4), figure(70), figure(70)]
        let pages = Paginator(pageHeight: 100).paginate(items)
        #expect(pages.map { $0.map(\.item) } == [[0], [1], [2], [3]])
    }

    func list() -> FlowItem {
        let f = text(2)
        f.tag = "LI"
        f.openTags = ["L"]
        f.closeTags = 1
        return f
    }
}
