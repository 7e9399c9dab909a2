import CCairo
import CPangoCairo

/// Collects the glyphs of consecutive runs that share a font and a colour (the lines of a paragraph, one
/// after another) and shows them with one `cairo_show_text_glyphs`: the glyphs, clusters and text Pango's
/// `pango_cairo_show_glyph_item` would pass run by run, joined.
///
/// Why: cairo 1.16 records every call as one drawing operation and replays it twice per page (analysis,
/// then the PDF), at ~30,000 instructions an operation besides the glyphs themselves; Pango adds its
/// renderer setup per call. cairo's PDF emitter writes the same bytes either way: it positions each glyph
/// from the glyph sequence, and a colour or font it already has set is not written again
/// (docs/performance.md, "Issue 18, fifth round").
///
/// Only left-to-right runs without unknown glyphs are collected (`add` returns false otherwise; the caller
/// shows such a run with Pango). The caller flushes before anything else is drawn or tagged.
final class GlyphBatch {
    // Plain buffers, grown as needed: per-glyph work through pointers, without Swift's array and exclusivity
    // checks (those made the first version cost more than the cairo operations it saved).
    private var glyphs: UnsafeMutablePointer<cairo_glyph_t>
    private var clusters: UnsafeMutablePointer<cairo_text_cluster_t>
    /// Room in each buffer, and how much of it is filled.
    private var capacity = 0, glyphCount = 0, clusterCount = 0
    /// The PangoFont of the collected runs.
    private var font: UnsafeMutablePointer<PangoFont>?
    private var colour = RGB(0, 0, 0)
    /// The collected runs' text: `text + start ..< text + end` (the layout's text, contiguous).
    private var text: UnsafePointer<CChar>?
    private var start = 0, end = 0

    init() {
        capacity = 1024
        glyphs = .allocate(capacity: capacity)
        clusters = .allocate(capacity: capacity)
    }

    deinit {
        glyphs.deallocate()
        clusters.deallocate()
    }

    var isEmpty: Bool { glyphCount == 0 && clusterCount == 0 }

    /// Off: every run is shown on its own with Pango (the test comparing the two ways sets it).
    var enabled = true

    /// Adds `run` drawn with its origin at cairo's current point (set by the caller with `cairo_move_to`),
    /// in `colour`. Flushes first when the run does not continue the collected ones (another font, colour,
    /// layout or a gap in the text). Returns false, having flushed, for a run it cannot show (right to left,
    /// unknown glyphs, no glyphs): the caller shows that one with Pango.
    func add(_ run: UnsafeMutablePointer<PangoGlyphItem>, text: UnsafePointer<CChar>, colour: RGB, cr: OpaquePointer) -> Bool {
        let item = run.pointee.item.pointee
        let string = run.pointee.glyphs.pointee
        let n = Int(string.num_glyphs)
        let infos = string.glyphs!, logClusters = string.log_clusters!
        var known = true
        for g in 0..<n where infos[g].glyph & pangoGlyphUnknownFlag != 0 { known = false }
        guard enabled, item.analysis.level & 1 == 0, n > 0, known, let runFont = item.analysis.font else {
            flush(cr)
            return false
        }
        let offset = Int(item.offset)
        if !isEmpty && (runFont != font || colour != self.colour || text != self.text || offset != end) { flush(cr) }
        if isEmpty {
            font = runFont
            self.colour = colour
            self.text = text
            start = offset
        }
        end = offset + Int(item.length)
        if glyphCount + n > capacity || clusterCount + n > capacity { grow(to: max(glyphCount, clusterCount) + n) }

        // Pango's renderer: the origin is cairo's current point as cairo gives it back (device-rounded).
        var baseX = 0.0, baseY = 0.0
        cairo_get_current_point(cr, &baseX, &baseY)
        // A line's trailing space, emptied by Pango, is shown as the font's space glyph (see `TextBlock.showRun`);
        // any other empty glyph is left out, as Pango leaves it out.
        var space: PangoGlyph?
        let scale = Double(PANGO_SCALE)
        var position: Int32 = 0
        var out = glyphs + glyphCount
        var dropped = false
        for g in 0..<n {
            let info = infos[g]
            var id = info.glyph
            if id == pangoGlyphEmpty {
                if TextBlock.isSpace(text, offset + Int(logClusters[g])) {
                    if space == nil {
                        space = PangoGlyph(pango_fc_font_get_glyph(UnsafeMutableRawPointer(runFont).assumingMemoryBound(to: PangoFcFont.self), 0x20))
                    }
                    id = space!
                } else {
                    position &+= info.geometry.width
                    dropped = true
                    continue
                }
            }
            out.pointee = cairo_glyph_t(index: UInt(id), x: baseX + Double(position &+ info.geometry.x_offset) / scale,
                                        y: info.geometry.y_offset == 0 ? baseY : baseY + Double(info.geometry.y_offset) / scale)
            out += 1
            position &+= info.geometry.width
        }
        glyphCount = out - glyphs
        // Clusters as Pango's iterator (`pango_glyph_item_iter_next_cluster`, left to right) cuts them: a
        // cluster runs to the next glyph whose cluster index is greater, the last to the run's end; glyphs left
        // empty above do not count.
        var cluster = clusters + clusterCount
        var first = 0, from = 0
        while first < n {
            let index = logClusters[first]
            var next = first + 1
            while next < n && logClusters[next] <= index { next += 1 }
            let to = next == n ? Int(item.length) : Int(logClusters[next])
            var count = Int32(next - first)
            if dropped {
                for g in first..<next where infos[g].glyph == pangoGlyphEmpty && !TextBlock.isSpace(text, offset + Int(logClusters[g])) {
                    count -= 1
                }
            }
            cluster.pointee = cairo_text_cluster_t(num_bytes: Int32(to - from), num_glyphs: count)
            cluster += 1
            from = to
            first = next
        }
        clusterCount = cluster - clusters
        return true
    }

    private func grow(to needed: Int) {
        let bigger = max(needed, capacity * 2)
        let g = UnsafeMutablePointer<cairo_glyph_t>.allocate(capacity: bigger)
        g.update(from: glyphs, count: glyphCount)
        glyphs.deallocate()
        glyphs = g
        let c = UnsafeMutablePointer<cairo_text_cluster_t>.allocate(capacity: bigger)
        c.update(from: clusters, count: clusterCount)
        clusters.deallocate()
        clusters = c
        capacity = bigger
    }

    /// Shows what was collected, as Pango shows a run: in a saved state with the run's font installed. The
    /// colour stays the source afterwards (an underline is filled in it).
    func flush(_ cr: OpaquePointer) {
        guard !isEmpty, let font, let text else { return }
        defer {
            glyphCount = 0
            clusterCount = 0
        }
        guard let scaled = pango_cairo_font_get_scaled_font(OpaquePointer(font)),
              cairo_scaled_font_status(scaled) == CAIRO_STATUS_SUCCESS else { return }
        cairo_set_source_rgb(cr, colour.r, colour.g, colour.b)
        cairo_save(cr)
        cairo_set_scaled_font(cr, scaled)
        cairo_show_text_glyphs(cr, text + start, Int32(end - start), glyphs, Int32(glyphCount),
                               clusters, Int32(clusterCount), cairo_text_cluster_flags_t(0))
        cairo_restore(cr)
    }
}
