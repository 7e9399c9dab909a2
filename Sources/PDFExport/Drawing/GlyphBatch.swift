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
/// Right-to-left runs are collected too. Pango shows one with its clusters backward (`CAIRO_TEXT_CLUSTER_FLAG_BACKWARD`),
/// and cairo then writes its glyphs in logical order: the clusters in text order, each cluster's glyphs from
/// last to first, i.e. the run's glyphs from the visual right end leftwards. Collected, such a run's glyphs are
/// stored in that order and its clusters forward, so the joined call writes what the run's own call wrote. One
/// thing cairo takes from the glyph array itself: a call that starts a text object (or changes the font size)
/// sets the text matrix at `glyphs[0]`, which for Pango's backward call is the run's leftmost glyph. So a batch
/// that starts with a right-to-left run shows that run first with its own backward call, exactly as Pango
/// would, and the rest joined (docs/performance.md, "Issue 19, sixth round").
///
/// Runs with unknown glyphs are not collected (`add` returns false; the caller shows such a run with Pango).
/// The caller flushes before anything else is drawn or tagged.
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
    /// The collected runs' text in the order their clusters are written (right-to-left runs on a line do not
    /// follow each other in the layout's text), copied.
    private var text: UnsafeMutablePointer<CChar>
    private var textCapacity = 0, textCount = 0
    /// A first run that is right to left, shown on its own with backward clusters: its glyphs, clusters and
    /// text bytes at the start of the buffers (0 when the batch starts left to right).
    private var head = (glyphs: 0, clusters: 0, bytes: 0)

    init() {
        capacity = 1024
        glyphs = .allocate(capacity: capacity)
        clusters = .allocate(capacity: capacity)
        textCapacity = 4096
        text = .allocate(capacity: textCapacity)
    }

    deinit {
        glyphs.deallocate()
        clusters.deallocate()
        text.deallocate()
    }

    var isEmpty: Bool { glyphCount == 0 && clusterCount == 0 }

    /// Off: every run is shown on its own with Pango (the test comparing the two ways sets it).
    var enabled = true

    /// Adds `run` drawn with its origin at cairo's current point (set by the caller with `cairo_move_to`),
    /// in `colour`. Flushes first when the run does not continue the collected ones (another font or colour).
    /// Returns false, having flushed, for a run it cannot show (unknown glyphs, no glyphs): the caller shows
    /// that one with Pango.
    func add(_ run: UnsafeMutablePointer<PangoGlyphItem>, text layoutText: UnsafePointer<CChar>, colour: RGB, cr: OpaquePointer) -> Bool {
        let item = run.pointee.item.pointee
        let string = run.pointee.glyphs.pointee
        let n = Int(string.num_glyphs)
        let infos = string.glyphs!, logClusters = string.log_clusters!
        var known = true
        for g in 0..<n where infos[g].glyph & pangoGlyphUnknownFlag != 0 { known = false }
        guard enabled, n > 0, known, let runFont = item.analysis.font else {
            flush(cr)
            return false
        }
        let rightToLeft = item.analysis.level & 1 == 1
        if !isEmpty && (runFont != font || colour != self.colour) { flush(cr) }
        let backwardHead = isEmpty && rightToLeft
        if isEmpty {
            font = runFont
            self.colour = colour
        }
        let offset = Int(item.offset), length = Int(item.length)
        if glyphCount + n > capacity || clusterCount + n > capacity { grow(to: max(glyphCount, clusterCount) + n) }
        if textCount + length > textCapacity { growText(to: textCount + length) }
        (text + textCount).update(from: layoutText + offset, count: length)
        textCount += length

        // Pango's renderer: the origin is cairo's current point as cairo gives it back (device-rounded).
        var baseX = 0.0, baseY = 0.0
        cairo_get_current_point(cr, &baseX, &baseY)
        // A line's trailing space, emptied by Pango, is shown as the font's space glyph (see `TextBlock.showRun`);
        // any other empty glyph is left out, as Pango leaves it out.
        var space: PangoGlyph?
        let scale = Double(PANGO_SCALE)
        var position: Int32 = 0
        let first = glyphs + glyphCount
        var out = first
        var dropped = false
        for g in 0..<n {
            let info = infos[g]
            var id = info.glyph
            if id == pangoGlyphEmpty {
                if TextBlock.isSpace(layoutText, offset + Int(logClusters[g])) {
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
        // Written forward, a right-to-left run's glyphs go from its right end (see the type's comment); a first
        // run keeps Pango's order, for its own backward call.
        if rightToLeft && !backwardHead {
            var (a, b) = (first, out - 1)
            while a < b {
                swap(&a.pointee, &b.pointee)
                a += 1
                b -= 1
            }
        }
        if rightToLeft {
            addClustersBackward(run, infos: infos, text: layoutText)
        } else {
            addClusters(n: n, length: length, offset: offset, infos: infos, logClusters: logClusters, dropped: dropped, text: layoutText)
        }
        if backwardHead { head = (glyphCount, clusterCount, textCount) }
        return true
    }

    /// Clusters as Pango's iterator (`pango_glyph_item_iter_next_cluster`, left to right) cuts them: a
    /// cluster runs to the next glyph whose cluster index is greater, the last to the run's end; glyphs left
    /// empty above do not count.
    private func addClusters(n: Int, length: Int, offset: Int, infos: UnsafeMutablePointer<PangoGlyphInfo>,
                             logClusters: UnsafeMutablePointer<Int32>, dropped: Bool, text: UnsafePointer<CChar>) {
        var cluster = clusters + clusterCount
        var first = 0, from = 0
        while first < n {
            let index = logClusters[first]
            var next = first + 1
            while next < n && logClusters[next] <= index { next += 1 }
            let to = next == n ? length : Int(logClusters[next])
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
    }

    /// A right-to-left run's clusters in text order, from Pango's own iterator and counted as Pango's renderer
    /// counts them (`pango_cairo_renderer_draw_glyph_item`): empty glyphs other than a line's trailing space
    /// (which is shown) do not count.
    private func addClustersBackward(_ run: UnsafeMutablePointer<PangoGlyphItem>, infos: UnsafeMutablePointer<PangoGlyphInfo>,
                                     text: UnsafePointer<CChar>) {
        let offset = Int(run.pointee.item.pointee.offset)
        let logClusters = run.pointee.glyphs.pointee.log_clusters!
        var iter = PangoGlyphItemIter()
        guard pango_glyph_item_iter_init_start(&iter, run, text) != 0 else { return }
        repeat {
            var count = iter.start_glyph - iter.end_glyph
            for g in Int(iter.end_glyph + 1)...Int(iter.start_glyph)
            where infos[g].glyph == pangoGlyphEmpty && !TextBlock.isSpace(text, offset + Int(logClusters[g])) {
                count -= 1
            }
            clusters[clusterCount] = cairo_text_cluster_t(num_bytes: iter.end_index - iter.start_index, num_glyphs: count)
            clusterCount += 1
        } while pango_glyph_item_iter_next_cluster(&iter) != 0
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

    private func growText(to needed: Int) {
        let bigger = max(needed, textCapacity * 2)
        let t = UnsafeMutablePointer<CChar>.allocate(capacity: bigger)
        t.update(from: text, count: textCount)
        text.deallocate()
        text = t
        textCapacity = bigger
    }

    /// Shows what was collected, as Pango shows a run: in a saved state with the run's font installed. The
    /// colour stays the source afterwards (an underline is filled in it).
    func flush(_ cr: OpaquePointer) {
        guard !isEmpty, let font else { return }
        defer {
            glyphCount = 0
            clusterCount = 0
            textCount = 0
            head = (0, 0, 0)
        }
        guard let scaled = pango_cairo_font_get_scaled_font(OpaquePointer(font)),
              cairo_scaled_font_status(scaled) == CAIRO_STATUS_SUCCESS else { return }
        cairo_set_source_rgb(cr, colour.r, colour.g, colour.b)
        cairo_save(cr)
        cairo_set_scaled_font(cr, scaled)
        if head.clusters > 0 {
            cairo_show_text_glyphs(cr, text, Int32(head.bytes), glyphs, Int32(head.glyphs),
                                   clusters, Int32(head.clusters), CAIRO_TEXT_CLUSTER_FLAG_BACKWARD)
        }
        if clusterCount > head.clusters {
            cairo_show_text_glyphs(cr, text + head.bytes, Int32(textCount - head.bytes), glyphs + head.glyphs,
                                   Int32(glyphCount - head.glyphs), clusters + head.clusters,
                                   Int32(clusterCount - head.clusters), cairo_text_cluster_flags_t(0))
        }
        cairo_restore(cr)
    }
}
