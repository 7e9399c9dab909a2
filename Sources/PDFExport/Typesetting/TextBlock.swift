import CCairo
import CPangoCairo

/// Pango marks a glyph it could not find in any font with this bit (`PANGO_GLYPH_UNKNOWN_FLAG`, a C
/// macro Swift does not import).
let pangoGlyphUnknownFlag: UInt32 = 0x1000_0000
/// `PANGO_GLYPH_EMPTY`: a glyph that draws nothing (Pango gives one to a line's trailing space).
let pangoGlyphEmpty: UInt32 = 0x0FFF_FFFF

/// A paragraph laid out by Pango at a fixed width. Lines sit on a fixed baseline grid (`style.pitch`)
/// so text on every page shares one rhythm and a paragraph can be split between any two lines.
final class TextBlock {
    let layout: OpaquePointer              // PangoLayout*
    let style: TextStyle
    let width: Double
    let lineCount: Int
    let links: [(range: Range<Int>, url: String)]
    /// Set right to left (the handout's language is): lines sit at the block's right edge.
    let rightToLeft: Bool
    /// Each line's start from the block's left edge, in points (all 0 left to right).
    let lineStarts: [Double]
    private let metrics: FontMetrics
    /// Each line's runs, left to right: cut from the unwrapped layout (`ownedLines`) or Pango's wrapped lines.
    private let runs: [[UnsafeMutablePointer<PangoGlyphItem>]]
    private var ownedLines: WrappedLines?
    /// Line widths in Pango units when the lines were cut here.
    private let lineWidths: [Int]?
    /// `width` in Pango units (what a wrapped layout is set to).
    private let pangoWidth: Int
    private var ascent: Double { metrics.ascent }
    private var descent: Double { metrics.descent }

    /// `singleLine`: never wraps; text too long for `width` ends in an ellipsis (footers). `pangoWraps`: let
    /// Pango break the lines even where `WrappedLines` could (the test comparing the two sets it).
    init(_ content: StyledText, style: TextStyle, width: Double, fonts: FontSetup, singleLine: Bool = false,
         pangoWraps: Bool = false) {
        self.style = style
        self.width = width
        links = content.links
        layout = pango_layout_new(fonts.context)
        pango_layout_set_text(layout, content.text, -1)
        let desc = style.font.makeDescription()
        pango_layout_set_font_description(layout, desc)
        pango_font_description_free(desc)
        // Break between words; only a URL longer than the line may break inside.
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        if singleLine { pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END) }
        rightToLeft = fonts.direction.isRightToLeft
        if rightToLeft {
            // Every paragraph takes the handout's direction, even one that starts with a Latin name or a
            // number (Pango would otherwise guess it from the first strong character), and ends on the right.
            pango_layout_set_auto_dir(layout, 0)
            pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
        }
        let attrs = TextBlock.attributes(content, language: fonts.language)
        pango_layout_set_attributes(layout, attrs)
        pango_attr_list_unref(attrs)
        let pangoWidth = Int32((width * Double(PANGO_SCALE)).rounded(.down))
        // Shaped once and cut into lines here where that gives Pango's own lines (`WrappedLines`, paragraph by
        // paragraph where the text has line ends); else Pango wraps. Tabs and carriage returns always go to
        // Pango, without the unwrapped try.
        let cut = singleLine || pangoWraps || content.text.utf8.contains(where: { $0 == 0x09 || $0 == 0x0D })
            ? nil : WrappedLines(unwrapped: layout, width: Int(pangoWidth), margin: Int(style.font.size * 0.25 * Double(PANGO_SCALE)))
        if let cut {
            runs = cut.lines
            ownedLines = cut
            lineWidths = cut.widths
        } else {
            pango_layout_set_width(layout, pangoWidth)
            runs = TextBlock.runs(layout)
            ownedLines = nil
            lineWidths = nil
        }
        lineCount = runs.count
        self.pangoWidth = Int(pangoWidth)
        // Right-aligned cut lines start where Pango's alignment would put them: the width less the line's.
        lineStarts = !rightToLeft ? Array(repeating: 0, count: lineCount)
            : lineWidths.map { $0.map { Double(Int(pangoWidth) - $0) / Double(PANGO_SCALE) } } ?? TextBlock.lineStarts(layout)
        metrics = fonts.metrics(style.font)
    }

    /// The runs of each line of a layout Pango wrapped (owned by the layout).
    private static func runs(_ layout: OpaquePointer) -> [[UnsafeMutablePointer<PangoGlyphItem>]] {
        (0..<Int(pango_layout_get_line_count(layout))).map { i in
            var out: [UnsafeMutablePointer<PangoGlyphItem>] = []
            var node = pango_layout_get_line_readonly(layout, Int32(i))?.pointee.runs
            while let n = node {
                out.append(n.pointee.data.assumingMemoryBound(to: PangoGlyphItem.self))
                node = n.pointee.next
            }
            return out
        }
    }

    /// Where Pango's alignment puts each line, from the iterator's logical line extents.
    private static func lineStarts(_ layout: OpaquePointer) -> [Double] {
        var out: [Double] = []
        let iter = pango_layout_get_iter(layout)
        defer { pango_layout_iter_free(iter) }
        repeat {
            var logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iter, nil, &logical)
            out.append(Double(logical.x) / Double(PANGO_SCALE))
        } while pango_layout_iter_next_line(iter) != 0
        return out
    }

    deinit {
        ownedLines?.free()
        g_object_unref(UnsafeMutableRawPointer(layout))
    }

    var height: Double { Double(lineCount) * style.pitch }

    /// Baseline of line `i` below the block's top: the font's box is centred in the line pitch.
    func baseline(_ i: Int) -> Double { (style.pitch - ascent - descent) / 2 + ascent + Double(i) * style.pitch }

    /// Width of the longest line, in points.
    var usedWidth: Double {
        if let lineWidths { return Double(lineWidths.max() ?? 0) / Double(PANGO_SCALE) }
        var ink = PangoRectangle(), logical = PangoRectangle()
        pango_layout_get_extents(layout, &ink, &logical)
        return Double(logical.width) / Double(PANGO_SCALE)
    }

    /// Where the longest line starts from the block's left edge (0 left to right; `width - usedWidth` right
    /// to left): to put a short label's text at x, draw the block at `x - usedLeft`.
    var usedLeft: Double {
        guard rightToLeft else { return 0 }
        if let lineWidths { return Double(pangoWidth - (lineWidths.max() ?? 0)) / Double(PANGO_SCALE) }
        var ink = PangoRectangle(), logical = PangoRectangle()
        pango_layout_get_extents(layout, &ink, &logical)
        return Double(logical.x) / Double(PANGO_SCALE)
    }

    /// Draws lines `lines` with the first at `top`, as real text (Pango glyphs shown by cairo, never paths).
    ///
    /// Runs that share a font and a colour are shown together, across lines (`GlyphBatch`: one cairo
    /// operation instead of one per run, the same bytes). A block with links is tagged run by run, for two
    /// cairo 1.16 reasons. It marks content only in leaf structure elements, so text in an element that also
    /// holds a Link would drop out of the structure tree: in a block with links each run becomes a `Link`
    /// (with its annotation) or a `Span`. And it wraps a glyph-less cluster (Pango empties a line's trailing
    /// space) in an ActualText span nested in the paragraph's marked content, which poppler takes for the
    /// paragraph's end (see `showRun`).
    func draw(_ canvas: PDFCanvas, x: Double, top: Double, lines: Range<Int>) {
        let cr = canvas.cr
        let text = pango_layout_get_text(layout)!
        let batch = canvas.glyphBatch
        for i in lines {
            let y = top + baseline(i - lines.lowerBound)
            var runX = x + lineStarts[i]
            for run in runs[i] {
                let item = run.pointee.item.pointee
                let bytes = Int(item.offset)..<Int(item.offset + item.length)
                let width = Double(pango_glyph_string_get_width(run.pointee.glyphs)) / Double(PANGO_SCALE)
                let look = TextBlock.runLook(item.analysis.extra_attrs)
                let link = links.isEmpty ? nil : links.first { $0.range.overlaps(bytes) }
                if let link {
                    // A run that starts inside its link continues it (the link wrapped or was cut by a page).
                    canvas.beginLink(link.url, rect: [runX, y - ascent, width, ascent + descent],
                                     text: linkText(link.range), continues: bytes.lowerBound > link.range.lowerBound)
                } else if !links.isEmpty {
                    canvas.beginTag("Span")
                }
                let colour = look.colour ?? style.colour
                cairo_move_to(cr, runX, y)
                if !batch.add(run, text: text, colour: colour, cr: cr) {
                    cairo_set_source_rgb(cr, colour.r, colour.g, colour.b)
                    TextBlock.showRun(cr, text, run)
                }
                if look.underline {
                    batch.flush(cr)
                    cairo_rectangle(cr, runX, y - metrics.underlinePosition, width, max(0.5, metrics.underlineThickness))
                    cairo_fill(cr)
                }
                if !links.isEmpty {
                    batch.flush(cr)
                    canvas.endTag()
                }
                runX += width
            }
        }
        batch.flush(cr)
    }

    /// Whether the layout's byte at `index` is a space or a tab (what Pango empties at a line's end).
    static func isSpace(_ text: UnsafePointer<CChar>, _ index: Int) -> Bool {
        let byte = UInt8(bitPattern: text[index])
        return byte == 0x20 || byte == 0x09
    }

    /// The text a link shows, for its annotation's description.
    private func linkText(_ range: Range<Int>) -> String {
        let text = pango_layout_get_text(layout)!
        return text.withMemoryRebound(to: UInt8.self, capacity: range.upperBound) {
            String(decoding: UnsafeBufferPointer(start: $0 + range.lowerBound, count: range.count), as: UTF8.self)
        }
    }

    /// Shows a run. Pango empties the glyph of a line's trailing space; it is put back as the font's
    /// (zero-width) space glyph, so extracted and tagged text keeps the space between words.
    private static func showRun(_ cr: OpaquePointer, _ text: UnsafePointer<CChar>, _ run: UnsafeMutablePointer<PangoGlyphItem>) {
        let glyphs = run.pointee.glyphs!
        let n = Int(glyphs.pointee.num_glyphs)
        let offset = Int(run.pointee.item.pointee.offset)
        func isEmptySpace(_ g: Int) -> Bool {
            glyphs.pointee.glyphs[g].glyph == pangoGlyphEmpty && isSpace(text, offset + Int(glyphs.pointee.log_clusters[g]))
        }
        guard (0..<n).contains(where: isEmptySpace), let font = run.pointee.item.pointee.analysis.font else {
            pango_cairo_show_glyph_item(cr, text, run)
            return
        }
        let copy = pango_glyph_item_copy(run)!
        defer { pango_glyph_item_free(copy) }
        let space = PangoGlyph(pango_fc_font_get_glyph(UnsafeMutableRawPointer(font).assumingMemoryBound(to: PangoFcFont.self), 0x20))
        for g in 0..<n where isEmptySpace(g) { copy.pointee.glyphs.pointee.glyphs[g].glyph = space }
        pango_cairo_show_glyph_item(cr, text, copy)
    }

    /// Colour and underline a run carries (what `pango_cairo_show_layout_line` would apply itself).
    private static func runLook(_ attrs: UnsafeMutablePointer<GSList>?) -> (colour: RGB?, underline: Bool) {
        var colour: RGB?
        var underline = false
        var node = attrs
        while let n = node {
            let attr = n.pointee.data.assumingMemoryBound(to: PangoAttribute.self)
            switch attr.pointee.klass.pointee.type {
            case PANGO_ATTR_FOREGROUND:
                let col = UnsafeMutableRawPointer(attr).assumingMemoryBound(to: PangoAttrColor.self).pointee.color
                colour = RGB(Double(col.red) / 65535, Double(col.green) / 65535, Double(col.blue) / 65535)
            case PANGO_ATTR_UNDERLINE:
                underline = UnsafeMutableRawPointer(attr).assumingMemoryBound(to: PangoAttrInt.self).pointee.value != 0
            default:
                break
            }
            node = n.pointee.next
        }
        return (colour, underline)
    }

    /// Whether the lines were cut from one shaping pass (`WrappedLines`) rather than wrapped by Pango.
    var cutFromOneShaping: Bool { ownedLines != nil }

    /// Every line's runs as numbers: byte offset and length, then per glyph its id, advance, offsets and
    /// cluster. Two ways of breaking that give the same numbers draw the same bytes.
    var glyphLines: [[[Int]]] {
        runs.map { line in
            line.map { run in
                let item = run.pointee.item.pointee, glyphs = run.pointee.glyphs.pointee
                var out = [Int(item.offset), Int(item.length)]
                for g in 0..<Int(glyphs.num_glyphs) {
                    let info = glyphs.glyphs[g]
                    out += [Int(info.glyph), Int(info.geometry.width), Int(info.geometry.x_offset),
                            Int(info.geometry.y_offset), Int(glyphs.log_clusters[g])]
                }
                return out
            }
        }
    }

    /// Glyphs Pango could not find in any loaded font (drawn as hex boxes). Must be 0.
    var unknownGlyphs: Int {
        var count = 0
        for line in runs {
            for run in line {
                let glyphs = run.pointee.glyphs!
                for g in 0..<Int(glyphs.pointee.num_glyphs) where glyphs.pointee.glyphs[g].glyph & pangoGlyphUnknownFlag != 0 {
                    count += 1
                }
            }
        }
        return count
    }

    private static func attributes(_ content: StyledText, language: String) -> OpaquePointer {
        let list = pango_attr_list_new()!
        func add(_ a: UnsafeMutablePointer<PangoAttribute>, _ r: Range<Int>) {
            a.pointee.start_index = UInt32(r.lowerBound)
            a.pointee.end_index = UInt32(r.upperBound)
            pango_attr_list_insert(list, a)
        }
        // No automatic hyphens: RNIB asks to keep word splitting to a minimum, and a soft hyphen
        // would otherwise end up in copied and extracted text.
        add(pango_attr_insert_hyphens_new(0), 0..<content.text.utf8.count)
        // The handout's language: line breaking (Chinese breaks between characters) and shaping follow it.
        add(pango_attr_language_new(pango_language_from_string(language)), 0..<content.text.utf8.count)
        for (range, style) in content.styles {
            switch style {
            case .bold: add(pango_attr_weight_new(PANGO_WEIGHT_BOLD), range)
            case .italic: add(pango_attr_style_new(PANGO_STYLE_ITALIC), range)
            case .underline: add(pango_attr_underline_new(PANGO_UNDERLINE_SINGLE), range)
            case .colour(let c):
                add(pango_attr_foreground_new(UInt16(c.r * 65535), UInt16(c.g * 65535), UInt16(c.b * 65535)), range)
            }
        }
        return list
    }
}
