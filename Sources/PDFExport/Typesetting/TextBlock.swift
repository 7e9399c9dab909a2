import CCairo
import CPangoCairo

/// Pango marks a glyph it could not find in any font with this bit (`PANGO_GLYPH_UNKNOWN_FLAG`, a C
/// macro Swift does not import).
let pangoGlyphUnknownFlag: UInt32 = 0x1000_0000

/// A paragraph laid out by Pango at a fixed width. Lines sit on a fixed baseline grid (`style.pitch`)
/// so text on every page shares one rhythm and a paragraph can be split between any two lines.
final class TextBlock {
    let layout: OpaquePointer              // PangoLayout*
    let style: TextStyle
    let width: Double
    let lineCount: Int
    let links: [(range: Range<Int>, url: String)]
    private let ascent: Double
    private let descent: Double

    init(_ content: StyledText, style: TextStyle, width: Double, fonts: FontSetup) {
        self.style = style
        self.width = width
        links = content.links
        layout = pango_layout_new(fonts.context)
        pango_layout_set_text(layout, content.text, -1)
        let desc = style.font.makeDescription()
        pango_layout_set_font_description(layout, desc)
        pango_font_description_free(desc)
        pango_layout_set_width(layout, Int32((width * Double(PANGO_SCALE)).rounded(.down)))
        // Break between words; only a URL longer than the line may break inside.
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        let attrs = TextBlock.attributes(content)
        pango_layout_set_attributes(layout, attrs)
        pango_attr_list_unref(attrs)
        lineCount = Int(pango_layout_get_line_count(layout))
        (ascent, descent) = fonts.metrics(style.font)
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(layout)) }

    var height: Double { Double(lineCount) * style.pitch }

    /// Baseline of line `i` below the block's top: the font's box is centred in the line pitch.
    func baseline(_ i: Int) -> Double { (style.pitch - ascent - descent) / 2 + ascent + Double(i) * style.pitch }

    /// Width of the longest line, in points.
    var usedWidth: Double {
        var ink = PangoRectangle(), logical = PangoRectangle()
        pango_layout_get_extents(layout, &ink, &logical)
        return Double(logical.width) / Double(PANGO_SCALE)
    }

    /// Draws lines `lines` with the first at `top`, as real text (`pango_cairo_show_layout_line`, never paths).
    func draw(_ cr: OpaquePointer, x: Double, top: Double, lines: Range<Int>) {
        let c = style.colour
        cairo_set_source_rgb(cr, c.r, c.g, c.b)
        for i in lines {
            cairo_move_to(cr, x, top + baseline(i - lines.lowerBound))
            pango_cairo_show_layout_line(cr, pango_layout_get_line_readonly(layout, Int32(i)))
        }
    }

    /// Rectangles `[x, y, w, h]` covering each link's text on lines `lines`, placed as `draw` places them.
    func linkRects(x: Double, top: Double, lines: Range<Int>) -> [(url: String, rects: [[Double]])] {
        var out: [(String, [[Double]])] = []
        for link in links {
            var rects: [[Double]] = []
            for i in lines {
                guard let line = pango_layout_get_line_readonly(layout, Int32(i)) else { continue }
                let start = Int(line.pointee.start_index), end = start + Int(line.pointee.length)
                let s = max(start, link.range.lowerBound), e = min(end, link.range.upperBound)
                guard s < e else { continue }
                var ranges: UnsafeMutablePointer<Int32>?
                var n: Int32 = 0
                pango_layout_line_get_x_ranges(line, Int32(s), Int32(e), &ranges, &n)
                let y = top + baseline(i - lines.lowerBound) - ascent
                for k in 0..<Int(n) {
                    let x0 = Double(ranges![2 * k]) / Double(PANGO_SCALE), x1 = Double(ranges![2 * k + 1]) / Double(PANGO_SCALE)
                    rects.append([x + x0, y, x1 - x0, ascent + descent])
                }
                g_free(ranges)
            }
            if !rects.isEmpty { out.append((link.url, rects)) }
        }
        return out
    }

    /// Glyphs Pango could not find in any loaded font (drawn as hex boxes). Must be 0.
    var unknownGlyphs: Int {
        var count = 0
        for i in 0..<lineCount {
            var run = pango_layout_get_line_readonly(layout, Int32(i))?.pointee.runs
            while let node = run {
                let item = node.pointee.data.assumingMemoryBound(to: PangoGlyphItem.self)
                let glyphs = item.pointee.glyphs!
                for g in 0..<Int(glyphs.pointee.num_glyphs) where glyphs.pointee.glyphs[g].glyph & pangoGlyphUnknownFlag != 0 {
                    count += 1
                }
                run = node.pointee.next
            }
        }
        return count
    }

    private static func attributes(_ content: StyledText) -> OpaquePointer {
        let list = pango_attr_list_new()!
        func add(_ a: UnsafeMutablePointer<PangoAttribute>, _ r: Range<Int>) {
            a.pointee.start_index = UInt32(r.lowerBound)
            a.pointee.end_index = UInt32(r.upperBound)
            pango_attr_list_insert(list, a)
        }
        // No automatic hyphens: RNIB asks to keep word splitting to a minimum, and a soft hyphen
        // would otherwise end up in copied and extracted text.
        add(pango_attr_insert_hyphens_new(0), 0..<content.text.utf8.count)
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
