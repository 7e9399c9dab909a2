import CPangoCairo
import CPDFOutput
import ExportKit
import Foundation
import Testing
@testable import PDFExport
import TestSupport

/// cairo's reverse character lookup is switched off (CPDFOutput/cairo_sfnt.c): only libcairo's requests for a
/// font's `cmap` are refused, the faces cairo draws with have no active character map, and the PDF's text
/// stays what the glyphs were drawn with.
@Suite struct CairoCharacterMapTests {
    static let cmap: UInt = 0x636d_6170, glyf: UInt = 0x676c_7966

    @Test func theReplacementIsTheOneInEffect() {
        #expect(trialexport_cairo_cmap_hidden_active() == 1)
        #expect(trialexport_cmap_hidden_from_cairo(Self.cmap) == 1)
        #expect(trialexport_cmap_hidden_from_cairo(Self.glyf) == 0)
    }

    /// A request made outside libcairo (here: this test, as Fontconfig or HarfBuzz would) gets FreeType's answer.
    @Test func otherCallersStillReadTheCharacterMap() throws {
        var library: FT_Library?
        #expect(FT_Init_FreeType(&library) == 0)
        defer { FT_Done_FreeType(library) }
        let path = TestSupport.repoRoot.appendingPathComponent("fonts/NotoSansArabic-Regular.ttf").path
        var face: FT_Face?
        #expect(FT_New_Face(library, path, 0, &face) == 0)
        let raw = UnsafeMutableRawPointer(try #require(face))
        var length: UInt = 0
        #expect(trialexport_load_sfnt_table(raw, Self.cmap, 0, nil, &length) == 0)
        #expect(length > 4)
        var bytes = [UInt8](repeating: 0xFF, count: Int(length))
        #expect(trialexport_load_sfnt_table(raw, Self.cmap, 0, &bytes, &length) == 0)
        #expect(bytes[0] == 0 && bytes[1] == 0)   // cmap version 0
        #expect(face?.pointee.charmap != nil)     // FreeType chose one: only FreeTypeFaces' faces have none
    }

    @Test func facesCairoDrawsWithHaveNoActiveCharacterMap() throws {
        let fonts = try FontSetup(fontsFolder: TestSupport.repoRoot.appendingPathComponent("fonts"), scripts: [.arabic])
        let desc = FontSpec(family: "Noto Sans Arabic", size: 12).makeDescription()
        defer { pango_font_description_free(desc) }
        let font = try #require(pango_context_load_font(fonts.context, desc))
        defer { g_object_unref(UnsafeMutableRawPointer(font)) }
        // The face in the font's pattern (FC_FT_FACE) is the one cairo draws with.
        let pattern = try #require(UnsafeMutableRawPointer(font).assumingMemoryBound(to: PangoFcFont.self).pointee.font_pattern)
        var found: FT_Face?
        #expect(FcPatternGetFTFace(pattern, FC_FT_FACE, 0, &found) == FcResultMatch)
        let face = try #require(found)
        #expect(face.pointee.charmap == nil)
    }

    /// The Arabic fixture's handout: each lam-alef ligature (one glyph for two letters) is mapped to its two
    /// letters in the font's ToUnicode map, as drawn, not to the presentation form the font's `cmap` gives it
    /// (U+FEF5…U+FEFC), so no /ActualText span is needed for it; the only spans left are for the
    /// left-to-right marks around numbers, which have no glyph.
    @Test func ligaturesAreMappedToTheLettersTheyWereDrawnFor() throws {
        let exporter = try Handout.exporter()
        let result = try exporter.renderHandout(try ScriptTests.load("wadi-ar"), variant: "a4", worker: WorkerCache())
        let dir = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("wadi-ar.pdf"), qdf = dir.appendingPathComponent("qdf.pdf")
        try result.pdf.write(to: url)
        _ = try TestSupport.run("qpdf", ["--qdf", "--object-streams=disable", url.path, qdf.path])
        let text = String(decoding: try Data(contentsOf: qdf), as: UTF8.self)
        let mappings = text.matches(of: /<[0-9a-f]{4}> <([0-9a-f]+)>/).map { String($0.1) }
        #expect(mappings.contains("06440627"), "lam-alef mapped to lam + alef")
        #expect(!mappings.contains { Int($0, radix: 16).map { (0xFB50...0xFEFF).contains($0) } ?? false },
                "a glyph mapped to an Arabic presentation form")
        let spans = text.matches(of: /\/ActualText <([0-9a-f]+)>/).map { String($0.1) }
        #expect(!spans.isEmpty)
        #expect(spans.allSatisfy { $0 == "feff200e" || $0 == "feff200f" }, "\(Set(spans))")
    }
}
