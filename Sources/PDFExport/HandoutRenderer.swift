import CCairo
import ExportKit
import Foundation
import TrialModel

/// Renders one handout in two passes: compose and paginate every item first (so the page count M is
/// known), then draw each page with its structure tags, bookmarks, links, label and footer.
struct HandoutRenderer {
    let layout: PageLayout
    let settings: Settings
    let toolVersion: String
    let fonts: FontSetup

    struct Result {
        var pdf: Data
        var pageCount: Int
        var unknownGlyphs: Int
        /// Content height over text-area height, per page.
        var pageFill: [Double]
    }

    func render(_ item: LoadedSummary) throws -> Result {
        let drawn = try draw(item)
        var result = drawn.result
        result.pdf = try drawn.finisher.finish(result.pdf)
        return result
    }

    /// The first pass: every item composed and placed on its page.
    private struct Plan {
        var styles: StyleSheet
        var items: [FlowItem]
        var footerLeft: TextBlock
        var textHeight: Double
        var pages: [[Placement]]
    }

    private func plan(_ item: LoadedSummary) -> Plan {
        fonts.begin(language: item.summary.language)
        fonts.memo.beginHandout()
        let styles = StyleSheet(layout, fonts: fonts)
        let items = HandoutComposer(item: item, settings: settings, styles: styles, fonts: fonts).compose()
        let footerLeft = TextBlock.laidOut(StyledText("\(settings.siteName) · \(item.summary.trial.name)"), style: styles.footer,
                                   width: layout.contentWidth * 0.6, fonts: fonts, singleLine: true)
        let footerGap = layout.type.small * 1.2
        let textHeight = layout.pageHeight - layout.margins.top - layout.margins.bottom - footerLeft.height - footerGap
        return Plan(styles: styles, items: items, footerLeft: footerLeft, textHeight: textHeight,
                    pages: Paginator(pageHeight: textHeight).paginate(items))
    }

    /// The number of pages `render` gives, from the first pass alone: `validate` asks it of every brief, and
    /// drawing and finishing are four fifths of a handout's cost.
    func pageCount(_ item: LoadedSummary) -> Int {
        plan(item).pages.count
    }

    /// The PDF as cairo writes it, and the finisher that makes it PDF/UA-1 (apart for `make bench`).
    func draw(_ item: LoadedSummary) throws -> (result: Result, finisher: PDFUAFinisher) {
        let plan = plan(item)
        let (styles, items, footerLeft, textHeight, pages) = (plan.styles, plan.items, plan.footerLeft, plan.textHeight, plan.pages)

        let canvas = PDFCanvas(width: layout.pageWidth, height: layout.pageHeight)
        let metadata = PDFMetadata(item, settings: settings, toolVersion: toolVersion)
        metadata.apply(to: canvas)
        canvas.beginTag("Document")
        let x = layout.margins.left
        let rightToLeft = fonts.direction.isRightToLeft
        for (index, placements) in pages.enumerated() {
            var previousGroup: Int?
            for p in placements {
                let it = items[p.item]
                let top = layout.margins.top + p.top
                let first = p.slice.lowerBound == 0, last = p.slice.upperBound >= it.height - 0.001
                if first {
                    for tag in it.openTags { canvas.beginTag(tag) }
                    if let o = it.outline { canvas.addOutline(o.title, level: o.level, y: top) }
                }
                if let group = it.ruleGroup, let colour = it.ruleColour {
                    // One continuous rule down a quote, bridging the gaps between its paragraphs; drawn outside
                    // the paragraph's element, so it becomes an artifact.
                    let up = previousGroup == group ? p.gapAbove : 0
                    drawRule(canvas.cr, x: rightToLeft ? x + layout.contentWidth - 3 : x, from: top - up, to: top + p.slice.upperBound - p.slice.lowerBound, colour: colour)
                }
                previousGroup = it.ruleGroup
                if let tag = it.tag { canvas.beginTag(tag, continues: !first) }
                it.draw(canvas, x: x, top: top, slice: p.slice)
                if it.tag != nil { canvas.endTag() }
                if last { for _ in 0..<it.closeTags { canvas.endTag() } }
            }
            // Containers still open at the page end (a list, a quote) close here and reopen on the next page
            // as continuations (the finisher joins them again), so the footer is drawn directly under
            // Document: cairo 1.16 marks content only in leaf elements, and the finisher makes the unmarked
            // footer an Artifact.
            canvas.suspendTags()
            drawFooter(canvas, left: footerLeft, page: index + 1, of: pages.count, styles: styles, words: item.views.words)
            canvas.showPage()
            canvas.resumeTags()
        }
        canvas.endTag()
        let unknown = items.reduce(0) { $0 + $1.unknownGlyphs } + footerLeft.unknownGlyphs
        let finisher = PDFUAFinisher(notes: canvas.notes, metadata: metadata, language: item.summary.language)
        return (Result(pdf: try canvas.finish(), pageCount: pages.count, unknownGlyphs: unknown,
                       pageFill: Paginator.fill(pages, items: items, pageHeight: textHeight)), finisher)
    }

    private func drawRule(_ cr: OpaquePointer, x: Double, from: Double, to: Double, colour: RGB) {
        cairo_set_source_rgb(cr, colour.r, colour.g, colour.b)
        cairo_rectangle(cr, x, from, 3, to - from)
        cairo_fill(cr)
    }

    /// Site and trial name on the left, "Page N of M" on the right, always in the same place, inside the
    /// bottom margin's limit, under a thin rule.
    private func drawFooter(_ canvas: PDFCanvas, left: TextBlock, page: Int, of total: Int, styles: StyleSheet, words: Messages) {
        let cr = canvas.cr
        let top = layout.pageHeight - layout.margins.bottom - left.height
        let muted = layout.colours.muted
        cairo_set_source_rgb(cr, muted.r, muted.g, muted.b)
        cairo_set_line_width(cr, 0.5)
        cairo_move_to(cr, layout.margins.left, top - layout.type.small * 0.3)
        cairo_line_to(cr, layout.pageWidth - layout.margins.right, top - layout.type.small * 0.3)
        cairo_stroke(cr)
        // Right to left, the site's name is on the right and the page number on the left.
        let m = HorizontalFlip(rightToLeft: left.rightToLeft, left: layout.margins.left, width: layout.contentWidth)
        left.draw(canvas, x: m.x(layout.margins.left, width: left.width), top: top, lines: 0..<1)
        let right = TextBlock.laidOut(StyledText(words.text(.pageOf, words.integer(page), words.integer(total))), style: styles.footer, width: layout.contentWidth / 2, fonts: fonts)
        right.draw(canvas, x: m.text(right, at: layout.pageWidth - layout.margins.right - right.usedWidth), top: top, lines: 0..<1)
    }
}
