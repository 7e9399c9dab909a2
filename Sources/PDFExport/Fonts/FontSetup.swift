import CCairo
import CPangoCairo
import ExportKit
import Foundation
import TrialModel

/// The fonts in `fonts/`, loaded into a private Fontconfig configuration that sees nothing else, and a
/// Pango font map and context bound to it. Output therefore never depends on the machine's fonts.
///
/// One instance per worker thread (kept in `WorkerCache`): Pango font maps and contexts are not
/// thread-safe, and building one costs milliseconds, so it is made once per worker, never per document.
final class FontSetup {
    let config: OpaquePointer                     // FcConfig*
    let fontMap: UnsafeMutablePointer<PangoFontMap>
    let context: OpaquePointer                    // PangoContext*
    /// Families the private configuration holds, e.g. "Atkinson Hyperlegible", "Noto Sans".
    let families: Set<String>
    /// The script fonts loaded besides the main ones (see `ScriptFont`).
    let scripts: Set<ScriptFont>
    /// Keyed by the spec itself: a string key (family, size, weight, slant) cost a Double's description per
    /// lookup, about as much as the rest of the lookup.
    private var metricsCache: [FontSpec: FontMetrics] = [:]
    /// Language and direction of the handout being set: a worker sets one handout at a time, and every
    /// layout made meanwhile takes them (see `begin(language:)`).
    private(set) var language = "en"
    /// Text blocks laid out with this setup, kept across handouts (see `TextBlockMemo`).
    let memo = TextBlockMemo(language: "en")
    private(set) var direction = WritingDirection.leftToRight
    /// Which of `FreeTypeFaces`' sets of faces this setup draws with.
    private let faceSlot: Int

    /// Font files `fonts/` provides, sorted so loading order (and fallback order) is stable.
    static func fontFiles(in folder: URL) throws -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let fonts = names.filter { $0.hasSuffix(".ttf") || $0.hasSuffix(".otf") }.sorted()
        guard !fonts.isEmpty else { throw ExportError.configuration("\(folder.path): error: no .ttf or .otf fonts found") }
        return fonts.map { folder.appendingPathComponent($0) }
    }

    /// The main fonts of `fonts/` (every file no `ScriptFont` claims), plus the fonts of `scripts`; a script
    /// whose font is missing is an error naming `summary` and the script, never a silent fallback.
    init(fontsFolder: URL, scripts: Set<ScriptFont> = [], summary: String? = nil) throws {
        let all = try FontSetup.fontFiles(in: fontsFolder)
        let main = all.filter { !ScriptFont.owns(fileNamed: $0.lastPathComponent) }
        let extra = try scripts.sorted().flatMap { try $0.files(in: all, summary: summary) }
        self.scripts = scripts
        guard let config = FcConfigCreate() else { throw ExportError.configuration("Fontconfig could not create a configuration") }
        let slot = FreeTypeFaces.shared.acquire()
        do {
            for file in main + extra {
                try FontFileCheck.check(file)
                if FcConfigAppFontAddFile(config, file.path) == 0 {
                    throw ExportError.configuration("\(file.path): error: Fontconfig could not load this font")
                }
            }
            // Faces of this setup's own, so that cairo gives it fonts of its own (see `FreeTypeFaces`).
            try FreeTypeFaces.shared.attach(to: config, slot: slot)
        } catch {
            FcConfigDestroy(config)
            FreeTypeFaces.shared.release(slot)
            throw error
        }
        self.config = config
        faceSlot = slot
        families = FontSetup.families(config)

        fontMap = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT)
        pango_fc_font_map_set_config(OpaquePointer(fontMap), config)   // PangoCairoFcFontMap is a PangoFcFontMap
        // 72 dpi: one Pango point is one PDF point, so sizes in the layout file are what the reader gets.
        pango_cairo_font_map_set_resolution(OpaquePointer(fontMap), 72)

        context = pango_font_map_create_context(fontMap)
        // Unhinted metrics and unrounded glyph positions: the PDF is resolution-independent, and
        // rounding would make line breaks differ from what a viewer shows at other zoom levels.
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
        pango_context_set_round_glyph_positions(context, 0)
        pango_context_set_language(context, pango_language_from_string("en"))
    }

    deinit {
        // The memo's layouts hold this context and its fonts: free them while the configuration still exists.
        memo.removeAll()
        g_object_unref(UnsafeMutableRawPointer(context))
        g_object_unref(UnsafeMutableRawPointer(fontMap))
        FcConfigDestroy(config)
        FreeTypeFaces.shared.release(faceSlot)
    }

    /// Sets the language (BCP 47) and direction of the next handout's text: the context's language (line
    /// breaking, font choice) and base direction, which every `TextBlock` made from it follows.
    func begin(language tag: String) {
        language = tag
        direction = WritingDirection(languageTag: tag)
        pango_context_set_language(context, pango_language_from_string(tag))
        pango_context_set_base_dir(context, direction.isRightToLeft ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR)
    }

    /// Fails with a configuration error when a layout asks for a family `fonts/` lacks.
    func require(family: String, layout: String) throws {
        guard families.contains(family) else {
            throw ExportError.configuration("layout '\(layout)': type.family '\(family)' is not in fonts/; available: "
                                            + families.sorted().joined(separator: ", "))
        }
    }

    /// Metrics of the primary font for a description, in points, cached per description. With script fonts
    /// loaded, the ascent and descent are the largest of the primary and the script fonts at the same size,
    /// so a line of Arabic or Chinese is centred in its line pitch like a line of Latin.
    func metrics(_ font: FontSpec) -> FontMetrics {
        if let m = metricsCache[font] { return m }
        var m = primaryMetrics(font)
        for script in scripts.sorted() {
            var f = font
            f.family = script.family
            let s = verticalExtents(f)
            m.ascent = max(m.ascent, s.ascent)
            m.descent = max(m.descent, s.descent)
        }
        metricsCache[font] = m
        return m
    }

    /// The ascent and descent `pango_context_get_metrics` gives for a description (language "en"), without
    /// the rest of its work: it takes the largest ascent and descent of the fontset's first font and of the
    /// fonts its items of the language's sample sentence use, and also shapes that sentence to estimate
    /// character widths, which `metrics` does not want: about 1.4 M instructions per description for the
    /// Arabic and Chinese faces. Here each non-space character of the sentence picks its font as itemizing
    /// does (the first font of the fontset that has it; a space never picks one), and each font's ascent and
    /// descent are its HarfBuzz font's extents, which is where Pango's font metrics take them from.
    func verticalExtents(_ font: FontSpec) -> (ascent: Double, descent: Double) {
        let desc = font.makeDescription()
        defer { pango_font_description_free(desc) }
        let english = pango_language_from_string("en")
        guard let fontset = pango_font_map_load_fontset(fontMap, context, desc, english) else { return (0, 0) }
        defer { g_object_unref(UnsafeMutableRawPointer(fontset)) }
        var first: UnsafeMutablePointer<PangoFont>?
        pango_fontset_foreach(fontset, { _, font, data in
            data!.assumingMemoryBound(to: UnsafeMutablePointer<PangoFont>?.self).pointee = font
            return 1   // the first font only
        }, &first)
        var ascent = Int32.min, descent = Int32.min
        var seen: [UnsafeMutablePointer<PangoFont>] = []
        func take(_ f: UnsafeMutablePointer<PangoFont>) {
            guard !seen.contains(f) else { return }
            seen.append(f)
            var extents = hb_font_extents_t()
            hb_font_get_h_extents(pango_font_get_hb_font(f), &extents)
            ascent = max(ascent, extents.ascender)
            descent = max(descent, -extents.descender)
        }
        if let first { take(first) }
        let sample = String(cString: pango_language_get_sample_string(english))
        for u in sample.unicodeScalars where g_unichar_isgraph(gunichar(u.value)) != 0 {
            guard let f = pango_fontset_get_font(fontset, u.value) else { continue }
            take(f)
            g_object_unref(UnsafeMutableRawPointer(f))
        }
        return (Double(ascent) / Double(PANGO_SCALE), Double(descent) / Double(PANGO_SCALE))
    }

    func primaryMetrics(_ font: FontSpec) -> FontMetrics {
        let desc = font.makeDescription()
        defer { pango_font_description_free(desc) }
        let m = pango_context_get_metrics(context, desc, pango_language_from_string("en"))
        defer { pango_font_metrics_unref(m) }
        func pt(_ v: Int32) -> Double { Double(v) / Double(PANGO_SCALE) }
        let r = FontMetrics(ascent: pt(pango_font_metrics_get_ascent(m)), descent: pt(pango_font_metrics_get_descent(m)),
                            underlinePosition: pt(pango_font_metrics_get_underline_position(m)),
                            underlineThickness: pt(pango_font_metrics_get_underline_thickness(m)))
        return r
    }

    private static func families(_ config: OpaquePointer) -> Set<String> {
        guard let set = FcConfigGetFonts(config, FcSetApplication) else { return [] }
        var out = Set<String>()
        for i in 0..<Int(set.pointee.nfont) {
            var value: UnsafeMutablePointer<FcChar8>?
            if FcPatternGetString(set.pointee.fonts[i], FC_FAMILY, 0, &value) == FcResultMatch, let value {
                out.insert(String(cString: value))
            }
        }
        return out
    }

    /// Whether any loaded font has a glyph for the character (Pango falls back only among these fonts).
    func covers(_ u: Unicode.Scalar) -> Bool {
        guard let set = FcConfigGetFonts(config, FcSetApplication) else { return false }
        for i in 0..<Int(set.pointee.nfont) {
            var charset: OpaquePointer?
            if FcPatternGetCharSet(set.pointee.fonts[i], FC_CHARSET, 0, &charset) == FcResultMatch, let charset,
               FcCharSetHasChar(charset, u.value) != 0 { return true }
        }
        return false
    }

    /// Number of fonts the configuration sees in its system set: always 0, which tests assert.
    var systemFontCount: Int { Int(FcConfigGetFonts(config, FcSetSystem)?.pointee.nfont ?? 0) }
    var applicationFontCount: Int { Int(FcConfigGetFonts(config, FcSetApplication)?.pointee.nfont ?? 0) }
}

/// Vertical metrics in points; the underline position is above the baseline when positive (Pango's sign).
struct FontMetrics {
    var ascent, descent, underlinePosition, underlineThickness: Double
}

/// A font request: family, size in points, weight and slant.
struct FontSpec: Hashable {
    var family: String
    var size: Double
    var bold = false
    var italic = false

    /// A new Pango description; the caller frees it.
    func makeDescription() -> OpaquePointer {
        let d = pango_font_description_new()!
        pango_font_description_set_family(d, family)
        pango_font_description_set_size(d, Int32((size * Double(PANGO_SCALE)).rounded()))
        pango_font_description_set_weight(d, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_style(d, italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
        return d
    }
}
