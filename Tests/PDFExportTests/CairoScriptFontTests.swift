import CCairo
import CPangoCairo
import CPDFOutput
import ExportKit
import Foundation
import Testing
@testable import PDFExport
import TestSupport

/// A script face (Arabic, Chinese, …) is embedded as one CID font per weight, without cairo 1.16's separate
/// WinAnsi font for the spaces, digits and punctuation it draws (CPDFOutput/cairo_sfnt.c); the main fonts keep
/// cairo's split, so English handouts are unchanged.
@Suite struct CairoScriptFontTests {
    static let cff: UInt = 0x4346_4620
    static let fonts = TestSupport.repoRoot.appendingPathComponent("fonts")

    /// pdffonts' rows as (name without the subset tag, type, encoding).
    static func fonts(of pdf: URL) throws -> [(name: String, type: String, encoding: String)] {
        try TestSupport.run("pdffonts", [pdf.path]).stdout.split(separator: "\n").dropFirst(2).map { line in
            let name = String(line.prefix(37).trimmingCharacters(in: .whitespaces).split(separator: "+").last ?? "")
            let type = line.dropFirst(37).prefix(18).trimmingCharacters(in: .whitespaces)
            let encoding = line.dropFirst(55).prefix(17).trimmingCharacters(in: .whitespaces)
            return (name, type, encoding)
        }
    }

    @Test(arguments: ["wadi-ar", "wadi-zh"])
    func scriptFacesAreOneCIDFontPerWeight(name: String) throws {
        let exporter = try Handout.exporter()
        let dir = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("\(name).pdf")
        try exporter.renderHandout(try ScriptTests.load(name), variant: "a4", worker: WorkerCache()).pdf.write(to: url)
        let fonts = try Self.fonts(of: url)
        let family = name == "wadi-ar" ? "NotoSansArabic-" : "NotoSansCJKsc-"
        let script = fonts.filter { $0.name.hasPrefix(family) }
        #expect(script.count == 2, "regular and bold: \(fonts)")
        #expect(Set(script.map(\.name)).count == script.count, "one font per weight: \(fonts)")
        #expect(script.allSatisfy { $0.type == "CID TrueType" && $0.encoding == "Identity-H" }, "\(fonts)")
        let main = fonts.filter { $0.name.hasPrefix("AtkinsonHyperlegible-") }
        #expect(main.contains { $0.type == "TrueType" && $0.encoding == "WinAnsi" }, "the main font keeps cairo's WinAnsi font: \(fonts)")
    }

    /// What libcairo is told: a registered face without a `CFF ` table has a CID-keyed one while pages are drawn
    /// and none while fonts are embedded; other callers, unregistered faces and real CFF faces get FreeType's answer.
    @Test func cairoIsToldAScriptFaceIsCIDKeyedOnlyWhileDrawing() throws {
        // Never freed: the registry keeps the faces' addresses for the life of the process, and a face freed here
        // and another opened at the same address elsewhere would be taken for a registered one.
        var library: FT_Library?
        #expect(FT_Init_FreeType(&library) == 0)
        func open(_ file: String) throws -> UnsafeMutableRawPointer {
            var face: FT_Face?
            #expect(FT_New_Face(library, Self.fonts.appendingPathComponent(file).path, 0, &face) == 0)
            return UnsafeMutableRawPointer(try #require(face))
        }
        let arabic = try open("NotoSansArabic-Regular.ttf"), main = try open("AtkinsonHyperlegible-Regular.ttf")
        let cjk = try open("NotoSansSC-Regular.otf")
        trialexport_cairo_one_font_per_face(arabic)
        trialexport_cairo_one_font_per_face(cjk)

        var length: UInt = 0
        #expect(trialexport_load_sfnt_table_as_cairo(arabic, Self.cff, 0, nil, &length) == 0)
        #expect(length == 22)
        var bytes = [UInt8](repeating: 0, count: Int(length))
        #expect(trialexport_load_sfnt_table_as_cairo(arabic, Self.cff, 0, &bytes, &length) == 0)
        #expect(Array(bytes.prefix(4)) == [1, 0, 4, 1])                       // CFF 1.0, header size 4
        #expect(Array(bytes[18...19]) == [12, 30])                            // ROS: CID-keyed
        #expect(Int(bytes[20]) - 139 == bytes.count)                          // CharStrings at the end

        length = 0
        #expect(trialexport_load_sfnt_table(arabic, Self.cff, 0, nil, &length) != 0, "only libcairo is told")
        #expect(trialexport_load_sfnt_table_as_cairo(main, Self.cff, 0, nil, &length) != 0, "a main font is not registered")
        trialexport_cairo_embedding_fonts(1)
        #expect(trialexport_load_sfnt_table_as_cairo(arabic, Self.cff, 0, nil, &length) != 0, "embedding: the true answer")
        trialexport_cairo_embedding_fonts(0)

        var real: UInt = 0, told: UInt = 0
        #expect(trialexport_load_sfnt_table(cjk, Self.cff, 0, nil, &real) == 0)
        #expect(trialexport_load_sfnt_table_as_cairo(cjk, Self.cff, 0, nil, &told) == 0)
        #expect(real > 1_000_000 && told == real, "a face with a CFF table gets its own")
    }

    /// If cairo embeds fonts without being told (a surface finished elsewhere than `PDFCanvas.finish`), its CFF
    /// subsetter reads the 22 bytes, gives up as "unsupported", and embeds the face as TrueType: a valid PDF.
    @Test func aDocumentFinishedWithoutTheFlagStillEmbedsTheFace() throws {
        let setup = try FontSetup(fontsFolder: Self.fonts, scripts: [.arabic])
        let dir = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("plain.pdf")
        let surface = try #require(cairo_pdf_surface_create(url.path, 300, 200))
        let cr = try #require(cairo_create(surface))
        let layout = try #require(pango_layout_new(setup.context))
        let desc = FontSpec(family: "Noto Sans Arabic", size: 12).makeDescription()
        pango_layout_set_font_description(layout, desc)
        pango_font_description_free(desc)
        pango_layout_set_text(layout, "دراسة الرئة 412", -1)
        cairo_move_to(cr, 20, 20)
        pango_cairo_show_layout(cr, layout)
        g_object_unref(UnsafeMutableRawPointer(layout))
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        #expect(cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS)
        cairo_surface_destroy(surface)
        let fonts = try Self.fonts(of: url)
        #expect(fonts.count == 1 && fonts[0].type == "CID TrueType", "\(fonts)")
        #expect(try TestSupport.run("qpdf", ["--check", url.path]).status == 0)
        let text = try TestSupport.run("pdftotext", [url.path, "-"]).stdout
        #expect(text.contains("412") && text.contains("دراسة"), "\(text)")
    }
}
