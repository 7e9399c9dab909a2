import CPangoCairo
import Foundation

/// A text's lines cut from one shaping pass.
///
/// Pango 1.50 shapes a wrapped paragraph about 2.4 times over: its line breaker shapes each item whole to
/// measure it, then shapes every line's part again at each break it weighs near the line's end, and shapes
/// the last part once more when it fits (`process_item` in pango-layout.c). A handout's text paid about
/// 28 M instructions for that. Here the paragraph is laid out unwrapped (each item shaped once), the breaks
/// are chosen by the rule Pango's breaker follows, and the unwrapped runs are split at them
/// (`pango_glyph_item_split`, no reshaping).
///
/// Splitting gives Pango's glyphs where nothing is shaped across a break, which holds for a break after a
/// space (the equivalence test checks this against Pango's own wrapping); beside a break after a hyphen or a
/// slash the two pieces are shaped again on their own, as Pango does. Everything else returns nil and the
/// caller lets Pango wrap: a word wider than the line (Pango breaks inside it), a break inside a glyph cluster,
/// tabs, carriage returns and empty paragraphs. Forced line ends (`\n`) start a new paragraph, cut on its own.
///
/// Right-to-left and mixed paragraphs are cut the same way: breaking works on the runs in logical order
/// (Pango's breaker does too; `pango_glyph_item_split` keeps a right-to-left run's logical start), and each
/// line's runs are then put in visual order by their bidi levels, as `pango_layout_line_reorder` does.
struct WrappedLines {
    /// Each line's runs in visual order (left to right); owned: free with `free()`.
    private(set) var lines: [[UnsafeMutablePointer<PangoGlyphItem>]] = []
    /// Each line's width in Pango units, trailing space of a wrapped line excluded (as Pango has it).
    private(set) var widths: [Int] = []

    /// `layout` must be laid out without a width (one line per paragraph); `width` in Pango units.
    /// `margin`: how close to the width (Pango units) a break not after white space counts as one Pango
    /// might measure differently (about the largest kerning adjustment).
    ///
    /// Paragraphs (text between forced line ends, `\n`) are cut one by one, as Pango wraps each on its own: the
    /// handout's address blocks and some chart labels hold a line end, and Pango's wrapping cost them about a
    /// third more than cutting.
    init?(unwrapped layout: OpaquePointer, width: Int, margin: Int) {
        guard let text = pango_layout_get_text(layout) else { return nil }
        var attrCount: Int32 = 0
        guard let attrs = pango_layout_get_log_attrs_readonly(layout, &attrCount) else { return nil }
        let bytes = UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self)
        let textLength = Int(strlen(text))
        var paragraphs: [UnsafeMutablePointer<PangoLayoutLine>] = []
        var node = pango_layout_get_lines_readonly(layout)
        while let n = node {
            paragraphs.append(n.pointee.data.assumingMemoryBound(to: PangoLayoutLine.self))
            node = n.pointee.next
        }
        // Paragraphs of different directions (an Arabic one in an English handout, where Pango picks each
        // paragraph's direction) are aligned differently within the width, which Pango's extents (`usedWidth`)
        // reflect: Pango's to wrap.
        guard let first = paragraphs.first,
              paragraphs.allSatisfy({ pango_layout_line_get_resolved_direction($0) == pango_layout_line_get_resolved_direction(first) })
        else { return nil }
        var firstChar = 0, nextByte = 0
        for (k, line) in paragraphs.enumerated() {
            // Paragraphs follow each other, one line feed apart (a carriage return or a Unicode separator is
            // Pango's to handle); an empty one among several is Pango's too.
            if k > 0 {
                guard bytes[nextByte] == 0x0A else { free(); return nil }
                nextByte += 1
                firstChar += 1
            }
            guard Int(line.pointee.start_index) == nextByte, paragraphs.count == 1 || line.pointee.length > 0,
                  let cut = WrappedLines.cut(line, firstChar: firstChar, text: text, textLength: textLength, attrs: attrs,
                                            width: width, margin: margin, lineFeedAfter: k < paragraphs.count - 1,
                                            context: pango_layout_get_context(layout))
            else { free(); return nil }
            lines += cut.lines
            widths += cut.widths
            nextByte += Int(line.pointee.length)
            firstChar += cut.chars
        }
        guard nextByte == textLength, firstChar + 1 == Int(attrCount) else { free(); return nil }
    }

    /// One paragraph's lines (each line's runs in visual order, owned) and widths, and how many characters it
    /// holds; nil when it is Pango's to wrap. `firstChar`: the paragraph's first character in the text.
    private static func cut(_ line: UnsafeMutablePointer<PangoLayoutLine>, firstChar: Int, text: UnsafePointer<CChar>,
                            textLength: Int, attrs allAttrs: UnsafePointer<PangoLogAttr>, width: Int, margin: Int,
                            lineFeedAfter: Bool, context: OpaquePointer?) -> (lines: [[UnsafeMutablePointer<PangoGlyphItem>]], widths: [Int], chars: Int)? {
        // The paragraph's characters from 0; `attrs[charCount]` is the attribute after its last character.
        let attrs = allAttrs + firstChar
        let lineStart = Int(line.pointee.start_index)
        let lineEnd = lineStart + Int(line.pointee.length)

        // The runs in logical order (the laid-out line holds them in visual order), with each character's byte
        // offset, logical width and whether a glyph cluster starts there.
        var runs: [UnsafeMutablePointer<PangoGlyphItem>] = []
        var node = line.pointee.runs
        var mixed = false
        while let n = node {
            let run = n.pointee.data.assumingMemoryBound(to: PangoGlyphItem.self)
            if run.pointee.item.pointee.analysis.level != 0 { mixed = true }
            runs.append(run)
            node = n.pointee.next
        }
        if mixed { runs.sort { $0.pointee.item.pointee.offset < $1.pointee.item.pointee.offset } }
        let charCount = runs.reduce(0) { $0 + Int($1.pointee.item.pointee.num_chars) }
        var charByte = [Int](repeating: lineEnd, count: charCount + 1)
        var charWidth = [Int32](repeating: 0, count: charCount)
        var clusterStart = [Bool](repeating: false, count: charCount + 1)
        clusterStart[charCount] = true
        var runFirstChar: [Int] = []
        var c = 0, byte = lineStart
        let bytes = UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self)
        for run in runs {
            let item = run.pointee.item.pointee
            // Runs in logical order, one after the other.
            guard Int(item.offset) == byte else { return nil }
            runFirstChar.append(c)
            let end = byte + Int(item.length)
            for k in 0..<Int(item.num_chars) {
                charByte[c + k] = byte
                // Tabs and forced line ends are Pango's to place.
                if bytes[byte] == 0x09 || bytes[byte] == 0x0A || bytes[byte] == 0x0D { return nil }
                byte += WrappedLines.utf8Length(bytes[byte])
            }
            guard byte == end else { return nil }
            charWidth.withUnsafeMutableBufferPointer {
                pango_glyph_item_get_logical_widths(run, text, $0.baseAddress! + c)
            }
            // Clusters rise along a left-to-right run's glyphs and fall along a right-to-left one's.
            let glyphs = run.pointee.glyphs.pointee
            let rtl = item.analysis.level % 2 == 1
            var k = c
            for i in 0..<Int(glyphs.num_glyphs) {
                let g = rtl ? Int(glyphs.num_glyphs) - 1 - i : i
                let at = Int(item.offset) + Int(glyphs.log_clusters[g])
                while k < c + Int(item.num_chars), charByte[k] < at { k += 1 }
                if k < c + Int(item.num_chars), charByte[k] == at { clusterStart[k] = true }
            }
            c += Int(item.num_chars)
        }
        guard byte == lineEnd else { return nil }

        // A run is part of a larger Pango item where the run before it has the same font and level (the item was
        // split for a colour or an underline).
        func sameItem(_ a: Int, _ b: Int) -> Bool {
            let x = runs[a].pointee.item.pointee.analysis, y = runs[b].pointee.item.pointee.analysis
            return x.font == y.font && x.level == y.level && x.script == y.script && x.language == y.language
                && x.gravity == y.gravity && x.flags == y.flags
        }
        let flags = pango_context_get_round_glyph_positions(context) != 0 ? PANGO_SHAPE_ROUND_POSITIONS : PANGO_SHAPE_NONE
        // The width Pango's breaker measures for a line from `start` to a break `p` inside a run that is a whole
        // item on the line (`process_item`): the text before the item as laid out, plus the item's part up to `p`
        // shaped on its own. Nil where the item is not whole or `p` is at its end (Pango's to measure).
        // Each piece shaped there, by the break it ends at, kept for the line that ends there (the same piece is
        // shaped again below otherwise); what is left over is freed on the way out.
        var shapedPieces: [Int: (start: Int, glyphs: UnsafeMutablePointer<PangoGlyphString>)] = [:]
        defer { for piece in shapedPieces.values { pango_glyph_string_free(piece.glyphs) } }
        func shapedWidth(from start: Int, to p: Int) -> Int? {
            guard let r = runFirstChar.lastIndex(where: { $0 < p }),
                  p < runFirstChar[r] + Int(runs[r].pointee.item.pointee.num_chars) else { return nil }
            let pieceStart = max(runFirstChar[r], start)
            guard pieceStart == start || r == 0 || !sameItem(r - 1, r),
                  let item = pango_item_copy(runs[r].pointee.item), let glyphs = pango_glyph_string_new() else { return nil }
            defer { pango_item_free(item) }
            item.pointee.offset = Int32(charByte[pieceStart])
            item.pointee.length = Int32(charByte[p] - charByte[pieceStart])
            item.pointee.num_chars = Int32(p - pieceStart)
            pango_shape_item(item, text, Int32(textLength), UnsafeMutablePointer(mutating: attrs + pieceStart), glyphs, flags)
            if let older = shapedPieces.updateValue((pieceStart, glyphs), forKey: p) { pango_glyph_string_free(older.glyphs) }
            return charWidth[start..<pieceStart].reduce(0) { $0 + Int($1) } + Int(pango_glyph_string_get_width(glyphs))
        }

        // Breaks: each line ends at the last break opportunity where its text, less one trailing white space
        // character, fits the width; the end of the paragraph is always one.
        var ends: [Int] = []
        var start = 0
        while start < charCount {
            var w = 0, best = -1, p = start
            while p < charCount {
                w += Int(charWidth[p])
                p += 1
                // Past the width even without a trailing space: no later break can fit.
                if w - Int(charWidth[p - 1]) > width { break }
                guard p == charCount || attrs[p].is_line_break != 0 else { continue }
                let white = attrs[p - 1].is_white != 0
                let extra = white && !(p == charCount && lineFeedAfter) ? -Int(charWidth[p - 1]) : 0
                if w + extra <= width {
                    best = p
                } else if !white, w <= width + margin {
                    // Pango measures a break this close to the line's end by shaping the line up to it: a kerning
                    // pair across it could make it fit. So does this where the break is inside a whole item (about
                    // a quarter of Chinese lines, which end between two characters, end this close); else the
                    // paragraph is Pango's.
                    guard let shaped = shapedWidth(from: start, to: p) else { return nil }
                    if shaped <= width { best = p }
                }
            }
            // A word wider than the line (Pango breaks inside it), or a break inside a glyph cluster or one
            // that adds a hyphen: Pango's to place.
            guard best > start, clusterStart[best],
                  best == charCount || (attrs[best].break_inserts_hyphen == 0 && attrs[best].break_removes_preceding == 0)
            else { return nil }
            ends.append(best)
            start = best
        }

        // Cut the runs at the breaks, noting where each piece came from.
        var lines: [[UnsafeMutablePointer<PangoGlyphItem>]] = []
        func release() { for line in lines { for run in line { pango_glyph_item_free(run) } } }
        var pieces: [[(run: Int, chars: Range<Int>)]] = []
        var current: [UnsafeMutablePointer<PangoGlyphItem>] = []
        var currentPieces: [(run: Int, chars: Range<Int>)] = []
        var lineIndex = 0
        for (r, run) in runs.enumerated() {
            let first = runFirstChar[r], last = first + Int(run.pointee.item.pointee.num_chars)
            let rest = pango_glyph_item_copy(run)!
            var from = first
            while lineIndex < ends.count, ends[lineIndex] <= last {
                let cut = ends[lineIndex]
                if cut == last {
                    current.append(rest)
                    currentPieces.append((r, from..<last))
                    from = last
                } else if cut > from {
                    current.append(pango_glyph_item_split(rest, text, Int32(charByte[cut] - charByte[from]))!)
                    currentPieces.append((r, from..<cut))
                    from = cut
                }
                lines.append(current)
                pieces.append(currentPieces)
                current = []
                currentPieces = []
                lineIndex += 1
                if from == last { break }
            }
            if from < last {
                current.append(rest)
                currentPieces.append((r, from..<last))
            }
        }
        if !current.isEmpty { lines.append(current); pieces.append(currentPieces) }
        guard lines.count == ends.count else { release(); return nil }

        // At a break that is not after white space (after a hyphen or a slash, between two Chinese characters) a
        // kerning pair may span the cut: Pango shapes the two pieces beside it on their own, and so does this. A
        // piece is only Pango's shaping unit when it is a whole item on its line (`sameItem`), so the other case
        // is Pango's.
        let hard = ends.map { $0 < charCount && attrs[$0 - 1].is_white == 0 }
        if hard.contains(true) {
            var lineStart = 0
            for i in lines.indices {
                var reshape: [Int] = []
                if hard[i] { reshape.append(lines[i].count - 1) }
                if i > 0, hard[i - 1], !(hard[i] && lines[i].count == 1) { reshape.append(0) }
                for k in reshape {
                    let piece = pieces[i][k]
                    let wholeLeft = piece.chars.lowerBound == lineStart || piece.run == 0 || !sameItem(piece.run - 1, piece.run)
                    let wholeRight = piece.chars.upperBound == ends[i] || piece.run == runs.count - 1 || !sameItem(piece.run, piece.run + 1)
                    guard wholeLeft, wholeRight else { release(); return nil }
                    let run = lines[i][k]
                    if piece.chars.upperBound == ends[i], let shaped = shapedPieces[ends[i]], shaped.start == piece.chars.lowerBound {
                        pango_glyph_string_free(run.pointee.glyphs)
                        run.pointee.glyphs = shaped.glyphs
                        shapedPieces[ends[i]] = nil
                        continue
                    }
                    pango_shape_item(run.pointee.item, text, Int32(textLength), UnsafeMutablePointer(mutating: attrs + piece.chars.lowerBound),
                                     run.pointee.glyphs, flags)
                }
                lineStart = ends[i]
            }
        }

        // A line that ends at a break loses the width of its trailing space, as in Pango's wrapping
        // (`zero_line_final_space`): the glyph becomes empty and drawing puts the space back. The space is the
        // last glyph of the logically last run, which is its first glyph when that run is right to left.
        for (i, end) in ends.enumerated().dropLast() where attrs[end - 1].is_white != 0 {
            let run = lines[i][lines[i].count - 1]
            let glyphs = run.pointee.glyphs!
            let n = Int(glyphs.pointee.num_glyphs)
            let rtl = run.pointee.item.pointee.analysis.level % 2 == 1
            let g = rtl ? 0 : n - 1
            guard n > 0 else { continue }
            // Pango empties that glyph without asking which character it shows: anything but the space is theirs.
            guard Int(run.pointee.item.pointee.offset) + Int(glyphs.pointee.log_clusters[g]) == charByte[end - 1]
            else { release(); return nil }
            // A space that shares its cluster with another glyph keeps its width in Pango too.
            if n >= 2, glyphs.pointee.log_clusters[g] == glyphs.pointee.log_clusters[rtl ? 1 : n - 2] { continue }
            glyphs.pointee.glyphs[g].geometry.width = 0
            glyphs.pointee.glyphs[g].glyph = pangoGlyphEmpty
        }
        let widths = lines.map { $0.reduce(0) { $0 + Int(pango_glyph_string_get_width($1.pointee.glyphs)) } }
        // A line reshaped at a cut must still fit, as Pango checks its measured breaks.
        for (i, w) in widths.enumerated() where (hard[i] || (i > 0 && hard[i - 1])) && w > width { release(); return nil }
        return (mixed ? lines.map(WrappedLines.visualOrder) : lines, widths, charCount)
    }

    mutating func free() {
        for line in lines { for run in line { pango_glyph_item_free(run) } }
        lines = []
        widths = []
    }

    /// A line's runs from logical to visual order by their bidi levels, as Pango's `pango_layout_line_reorder`
    /// (`reorder_runs_recurse`) puts them. Its recursion (at the lowest level, reverse the pieces when that level
    /// is odd, then each stretch of higher levels the same way) is rule L2 of the bidi algorithm: from the highest
    /// level down to the lowest odd one, reverse every stretch of runs at that level or above. Done in place, it
    /// costs a few comparisons per run where the recursion built arrays at every step.
    private static func visualOrder(_ runs: [UnsafeMutablePointer<PangoGlyphItem>]) -> [UnsafeMutablePointer<PangoGlyphItem>] {
        visualOrder(runs, levels: runs.map { $0.pointee.item.pointee.analysis.level })
    }

    /// Items with these bidi levels, in visual order (see above).
    static func visualOrder<Item>(_ items: [Item], levels runLevels: [UInt8]) -> [Item] {
        var order = items
        var levels = runLevels
        guard var level = levels.max(), let lowest = levels.min() else { return items }
        let lowestOdd = lowest | 1
        while level >= lowestOdd {
            var i = 0
            while i < levels.count {
                guard levels[i] >= level else { i += 1; continue }
                var j = i
                while j + 1 < levels.count && levels[j + 1] >= level { j += 1 }
                order[i...j].reverse()
                levels[i...j].reverse()
                i = j + 1
            }
            level -= 1
        }
        return order
    }

    private static func utf8Length(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }
}
