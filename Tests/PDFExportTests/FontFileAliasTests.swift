import CPangoCairo
import ExportKit
import Foundation
import Testing
@testable import PDFExport
import TestSupport
import TrialModel

/// Workers must not share cairo fonts (a shared scaled font's mutex made two workers take turns), and the
/// separate fonts must not change a byte.
@Suite(.serialized) struct FontFileAliasTests {
    let fontsFolder = TestSupport.repoRoot.appendingPathComponent("fonts")

    /// The cairo scaled font Pango draws `spec` with in `fonts`.
    private func scaledFont(_ fonts: FontSetup, _ spec: FontSpec) throws -> OpaquePointer {
        let desc = spec.makeDescription()
        defer { pango_font_description_free(desc) }
        let font = try #require(pango_context_load_font(fonts.context, desc))
        defer { g_object_unref(UnsafeMutableRawPointer(font)) }
        return try #require(pango_cairo_font_get_scaled_font(OpaquePointer(font)))
    }

    @Test func liveSetupsGetTheirOwnCairoFonts() throws {
        let spec = FontSpec(family: "Atkinson Hyperlegible", size: 14)
        let a = try FontSetup(fontsFolder: fontsFolder)
        let b = try FontSetup(fontsFolder: fontsFolder)
        let fa = try scaledFont(a, spec), fb = try scaledFont(b, spec)
        #expect(fa != fb)
        #expect(cairo_scaled_font_get_font_face(fa) != cairo_scaled_font_get_font_face(fb))
        // Within one setup, Pango and cairo still share: one font per description.
        #expect(try scaledFont(a, spec) == fa)
    }

    @Test func slotsAreReusedAndSpellingsResolveToTheFile() throws {
        let file = try FontSetup.fontFiles(in: fontsFolder)[0].path
        let s0 = FontFileAlias.acquire(), s1 = FontFileAlias.acquire()
        defer { FontFileAlias.release(s1) }
        #expect(s0 != s1)
        FontFileAlias.release(s0)
        let again = FontFileAlias.acquire()
        defer { FontFileAlias.release(again) }
        #expect(again == s0)
        var plain = stat()
        #expect(stat(file, &plain) == 0)
        var spellings: Set<String> = []
        for slot in 0...FontFileAlias.maxDepth {
            let s = FontFileAlias.spelling(of: file, slot: slot)
            spellings.insert(s)
            var st = stat()
            #expect(stat(s, &st) == 0 && st.st_ino == plain.st_ino && st.st_dev == plain.st_dev, "\(s)")
        }
        #expect(spellings.count == FontFileAlias.maxDepth + 1)
        #expect(FontFileAlias.spelling(of: file, slot: 0) == file)
        #expect(FontFileAlias.spelling(of: "fonts/relative.ttf", slot: 3) == "fonts/relative.ttf")
    }

    /// Two workers alive at once (as in `all`), each with its own fonts, write the same bytes, in every layout.
    @Test func separateFontsWriteTheSameBytes() throws {
        let exporter = try Handout.exporter()
        let patina = try TestSupport.patina()
        let first = WorkerCache(), second = WorkerCache()
        for layout in ["a4", "large-print", "brief-a4"] {
            let a = try exporter.renderHandout(patina, variant: layout, worker: first).pdf
            let b = try exporter.renderHandout(patina, variant: layout, worker: second).pdf
            #expect(a == b, "\(layout)")
        }
        withExtendedLifetime((first, second)) {}
    }
}
