import CCairo
import Foundation
import Testing
@testable import PDFExport
import TestSupport
import TrialModel

/// Cheaper ways of drawing the same page (docs/performance.md, "Issue 18, fifth round"): each is compared
/// with the way it replaces.
@Suite struct DrawingPathTests {
    let fonts: FontSetup
    let styles: StyleSheet

    init() throws {
        fonts = try FontSetup(fontsFolder: TestSupport.repoRoot.appendingPathComponent("fonts"), scripts: [.han, .arabic])
        styles = StyleSheet(try PDFLayouts.load("a4", layoutsFolder: TestSupport.repoRoot.appendingPathComponent("layouts")))
    }

    /// Paragraphs drawn with runs joined (`GlyphBatch`) and run by run through Pango give the same PDF bytes:
    /// plain multi-line text (trailing spaces kept as space glyphs), bold, italic, colour and underline
    /// changes inside lines, Chinese in another font, a right-to-left word (collected too), and a block with a
    /// link that wraps (tagged per run).
    @Test func joinedRunsDrawTheBytesPangoDrawsRunByRun() throws {
        var mixed = StyledText("Participants who took ")
        mixed.append("the new medicine", .bold)
        mixed.append(" lived longer on average; ")
        mixed.append("some side effects", .italic)
        mixed.append(" were ")
        mixed.append("more common", .colour(RGB(0.8, 0.1, 0.1)))
        mixed.append(" and ")
        mixed.append("underlined words", .underline)
        mixed.append(" end here, 中文文本 too, and an Arabic word (مرحبا) that Pango shows itself.")
        var linked = StyledText("Read more at ")
        linked.appendLink("the trial's page with a long address", url: "https://example.org/trials/patina?x=(1)", linkColour: RGB(0, 0, 1))
        linked.append(" and then carry on reading about the study for a few more words.")
        let blocks = [
            TextBlock(StyledText(String(repeating: "A plain paragraph that wraps over several lines. ", count: 6)), style: styles.body, width: 300, fonts: fonts),
            TextBlock(mixed, style: styles.body, width: 220, fonts: fonts),
            TextBlock(linked, style: styles.small, width: 200, fonts: fonts),
            TextBlock(StyledText("Heading", .bold), style: styles.subheading, width: 400, fonts: fonts),
        ]
        func pdf(joined: Bool) throws -> (bytes: Data, batched: Bool) {
            let canvas = PDFCanvas(width: 595, height: 842)
            canvas.setMetadata(CAIRO_PDF_METADATA_CREATE_DATE, "2024-01-01T00:00:00Z")
            canvas.setMetadata(CAIRO_PDF_METADATA_MOD_DATE, "2024-01-01T00:00:00Z")
            canvas.glyphBatch.enabled = joined
            canvas.beginTag("Document")
            var top = 40.0
            for block in blocks {
                canvas.beginTag("P")
                block.draw(canvas, x: 50, top: top, lines: 0..<block.lineCount)
                canvas.endTag()
                top += block.height + 10
            }
            canvas.endTag()
            canvas.showPage()
            return (try canvas.finish(), joined)
        }
        let joined = try pdf(joined: true).bytes, runByRun = try pdf(joined: false).bytes
        #expect(blocks[0].lineCount > 2 && blocks[1].lineCount > 2 && blocks[2].lineCount > 1)
        #expect(joined == runByRun, "\(joined.count) vs \(runByRun.count) bytes")
        // What a reader copies is the same too (and is the text).
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("glyph-batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var texts: [String] = []
        for (name, bytes) in [("joined", joined), ("runs", runByRun)] {
            let file = folder.appendingPathComponent(name + ".pdf")
            try bytes.write(to: file)
            texts.append(try TestSupport.run("pdftotext", [file.path, "-"]).stdout)
        }
        #expect(texts[0] == texts[1])
        let words = texts[0].split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("the new medicine") && words.contains("中文文本") && words.contains("the trial's page"), "\(words)")
    }

    /// The same for right-to-left handouts (`GlyphBatch` collects right-to-left runs too): Arabic paragraphs
    /// over several lines with lam-alef, harakat, Western and Arabic-Indic digits, Latin names and punctuation
    /// from the primary font, bold and colour inside lines, a Hebrew line, and a block with a link; each block
    /// begins a text object, so a first right-to-left run must set cairo's text matrix where Pango's call did.
    @Test func joinedRightToLeftRunsDrawTheBytesPangoDrawsRunByRun() throws {
        let setup = try FontSetup(fontsFolder: TestSupport.repoRoot.appendingPathComponent("fonts"), scripts: [.arabic, .hebrew])
        setup.begin(language: "ar")
        let sheet = StyleSheet(try PDFLayouts.load("a4", layoutsFolder: TestSupport.repoRoot.appendingPathComponent("layouts")), fonts: setup)
        var mixed = StyledText("شارك ٣٤٠ شخصًا في التجربة، وتناول نصفهم الدواء الجديد (PATINA-2) لمدة 12 شهرًا. ")
        mixed.append("عاش الذين تناولوا الدواء الجديد", .bold)
        mixed.append(" مدة أطول في المتوسط؛ ")
        mixed.append("وكانت بعض الآثار الجانبية", .colour(RGB(0.8, 0.1, 0.1)))
        mixed.append(" أكثر شيوعًا، لا سيما التعب والغثيان. قال د. Smith: «النتائج واضحة».")
        var linked = StyledText("اقرأ المزيد في ")
        linked.appendLink("صفحة التجربة", url: "https://example.org/trials/patina", linkColour: RGB(0, 0, 1))
        linked.append(" ثم تابع القراءة عن الدراسة لبضع كلمات أخرى هنا.")
        let blocks = [
            TextBlock(StyledText(String(repeating: "فقرة عادية تلتف على عدة أسطر، ولا لبس فيها. ", count: 6)), style: sheet.body, width: 300, fonts: setup),
            TextBlock(mixed, style: sheet.body, width: 220, fonts: setup),
            TextBlock(linked, style: sheet.small, width: 200, fonts: setup),
            TextBlock(StyledText("العنوان الرئيسي", .bold), style: sheet.subheading, width: 400, fonts: setup),
            TextBlock(StyledText("שלום עולם, וְזֶה טֶקְסְט בעברית עם מספר 42 ושם Smith."), style: sheet.body, width: 180, fonts: setup),
        ]
        func pdf(joined: Bool) throws -> Data {
            let canvas = PDFCanvas(width: 595, height: 842)
            canvas.setMetadata(CAIRO_PDF_METADATA_CREATE_DATE, "2024-01-01T00:00:00Z")
            canvas.setMetadata(CAIRO_PDF_METADATA_MOD_DATE, "2024-01-01T00:00:00Z")
            canvas.glyphBatch.enabled = joined
            canvas.beginTag("Document")
            var top = 40.0
            for block in blocks {
                canvas.beginTag("P")
                block.draw(canvas, x: 50, top: top, lines: 0..<block.lineCount)
                canvas.endTag()
                top += block.height + 10
            }
            canvas.endTag()
            canvas.showPage()
            return try canvas.finish()
        }
        #expect(blocks.allSatisfy(\.rightToLeft) && blocks[0].lineCount > 2 && blocks[1].lineCount > 2 && blocks[2].lineCount > 1)
        let joined = try pdf(joined: true), runByRun = try pdf(joined: false)
        #expect(joined == runByRun, "\(joined.count) vs \(runByRun.count) bytes")
    }

    /// The QR code drawn as a 1-bit stencil covers exactly its modules: rasterised by cairo where a module is a
    /// whole number of pixels (nearest-neighbour sampling and the rectangles' edges then agree exactly), at
    /// three module sizes.
    @Test(arguments: [0.5, 0.75, 1.25]) func qrStencilCoversWhatRectanglesCover(_ module: Double) throws {
        let code = try #require(QRMatrix("https://cleartrials.example.org/summaries/patina"))
        let side = module * Double(code.size + 8)
        let scale = 4.0, size = Int32(side * scale + 8)
        func raster(_ draw: (OpaquePointer) -> Void) -> [UInt8] { rasterImage(size: size, scale: scale, draw) }
        let ink = RGB(0.1, 0.1, 0.1)
        let stencil = raster { code.draw($0, x: 0, y: 0, side: side, colour: ink) }
        let rectangles = raster { cr in
            cairo_set_source_rgb(cr, ink.r, ink.g, ink.b)
            code.fillRectangles(cr, x: 0, y: 0, side: side)
        }
        let worst = zip(stencil, rectangles).map { abs(Int($0) - Int($1)) }.max() ?? 0
        #expect(worst <= 2, "largest channel difference \(worst)")
        #expect(stencil.contains { $0 < 128 })
    }

    /// In the PDF the code is one image mask, not sampled smoothly by viewers, and no path.
    @Test func qrCodeIsOneImageMaskInThePDF() throws {
        let code = try #require(QRMatrix("https://cleartrials.example.org/summaries/patina"))
        let canvas = PDFCanvas(width: 200, height: 200)
        code.draw(canvas.cr, x: 20, y: 20, side: 100, colour: RGB(0.1, 0.1, 0.1))
        canvas.showPage()
        let pdf = String(decoding: try canvas.finish(), as: UTF8.self)
        #expect(pdf.components(separatedBy: "/ImageMask true").count == 2)
        #expect(pdf.contains("/Interpolate false") && pdf.contains("/Width \(code.size)") && pdf.contains(" Do\n"))
        #expect(!pdf.contains(" re\n") && !pdf.contains(" l\n"), "the code drew a path")
    }
}
