import CCairo
import ExportKit
import Foundation
import Testing
@testable import PDFExport
import TestSupport
import TrialModel

/// The brief layouts, icon arrays and page fill.
@Suite struct HandoutContentTests {
    /// A paragraph ending in a colon keeps with what follows; the scalar scan agrees with Foundation's trimming.
    @Test(arguments: ["People in the trial had:", "Had: ", "Had:\t\u{00A0}\u{2003}", "Had:\n", "no colon", "", "   ",
                      ":", "a:\u{301}", "a: \u{301}", "tab\t:", "\u{3000}：", "end:\u{3000}"])
    func colonIntroducesWhatFollows(_ text: String) {
        #expect(HandoutComposer.introducesWhatFollows(text) == text.trimmingCharacters(in: .whitespaces).hasSuffix(":"))
    }

    /// PATINA's brief: one sheet (two A4 pages) at 12 pt body text or more. US Letter is 5 cm shorter:
    /// PATINA's Letter brief runs onto a third page (what `validate` warns about when it is selected).
    @Test(arguments: [("brief-a4", 2), ("brief-letter", 3)]) func patinaBriefFitsOneSheet(_ layout: String, _ pages: Int) throws {
        let result = try Handout.patina(layout).result
        #expect(result.pageCount == pages, "\(layout): \(result.pageCount) pages")
        let l = try PDFLayouts.load(layout, layoutsFolder: TestSupport.context().layoutsFolder)
        #expect(l.content == .brief && l.type.body >= 12)
    }

    @Test func briefHoldsTheHandoverPartsAndNotTheRest() throws {
        let text = try TestSupport.run("pdftotext", ["-layout", try Handout.patina("brief-a4").url.path, "-"]).stdout
        for s in ["Main result", "Side effects", "The bottom line", "What this could mean for you", "For information purposes only",
                  "about 80 in 100 people", "Read this summary online"] {
            #expect(text.contains(s), "brief lacks \(s)")
        }
        for s in ["What is a CDK4/6 inhibitor?", "Your questions answered", "Words used in this summary"] {
            #expect(!text.contains(s), "brief holds \(s)")
        }
    }

    /// The validator's warning names the summary, the layout and the page count when a brief runs long.
    @Test func longBriefIsReported() throws {
        var item = try TestSupport.patina()
        var s = item.summary
        let bottom = try #require(s.sections.firstIndex { $0.kind == .bottomLine })
        s.sections[bottom].blocks += Array(repeating: s.sections[bottom].blocks[0], count: 12)
        item = LoadedSummary(summary: s, sourcePath: item.sourcePath, sourceBytes: item.sourceBytes)
        var settings = Settings.defaults
        settings[section: PDFSettings.self].layouts = ["a4", "brief-a4"]
        let context = ExportContext(settings: settings, resourceRoot: TestSupport.context().resourceRoot, toolVersion: "0.0.0-test")
        let warnings = try BriefCheck(context: context).warnings(item, worker: WorkerCache())
        #expect(warnings.count == 1)
        let pages = try exporterPages(item, "brief-a4")
        #expect(pages > 2)
        #expect(warnings.first?.description.contains("summary 'patina': the brief handout (layout brief-a4) takes \(pages) pages") == true,
                "\(warnings)")
        #expect(try BriefCheck(context: context).warnings(TestSupport.patina(), worker: WorkerCache()).isEmpty)
        // `validate` reaches the same warning through the exporter's check, not through BriefCheck.
        let viaExporter = PDFExporter.check([item], resourceRoot: context.resourceRoot, settings: settings, depth: .validate)
        #expect(viaExporter.diagnostics.map(\.description) == warnings.map(\.description))
        #expect(PDFExporter.check([item], resourceRoot: context.resourceRoot, settings: settings, depth: .export).diagnostics.isEmpty)
    }

    /// Drawn marks, counted in pixels: a cell is filled when most of its circle is ink.
    @Test(arguments: [(80, 0), (4, 1), (31, 2), (100, 3), (0, 0)]) func iconGridFillsTheRoundedCount(_ filled: Int, _ arm: Int) throws {
        let cell = 12.0, scale = 4.0
        let side = Int(cell * 10 * scale)
        let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(side), Int32(side))!
        defer { cairo_surface_destroy(surface) }
        let cr = cairo_create(surface)!
        defer { cairo_destroy(cr) }
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_scale(cr, scale, scale)
        let palette = [RGB(0, 0.447, 0.698), RGB(0.835, 0.369, 0), RGB(0, 0.62, 0.451), RGB(0.8, 0.475, 0.655)]
        IconArrayItem.drawGrid(cr, x: 0, y: 0, cell: cell, filled: filled, arm: arm, palette: palette, empty: RGB(0.29, 0.29, 0.29))
        cairo_surface_flush(surface)
        let stride = Int(cairo_image_surface_get_stride(surface))
        let data = cairo_image_surface_get_data(surface)!
        var counted = 0
        for i in 0..<100 {
            let cx = (Double(i % 10) + 0.5) * cell * scale, cy = (Double(i / 10) + 0.5) * cell * scale
            var ink = 0, total = 0
            let r = Int(cell * 0.3 * scale)
            for dy in -r...r { for dx in -r...r where dx * dx + dy * dy <= r * r {
                let px = data.advanced(by: (Int(cy) + dy) * stride + (Int(cx) + dx) * 4)
                total += 1
                if Int(px[0]) + Int(px[1]) + Int(px[2]) < 600 { ink += 1 }
            } }
            if Double(ink) / Double(total) > 0.2 { counted += 1 }
        }
        #expect(counted == filled)
    }

    /// The marks drawn as dashed lines cover what squares filled and outlined one by one cover: rasterised
    /// at 4 × by cairo, no pixel differs by more than a rounding step of anti-aliasing at the edges. Counts
    /// with full rows, a partial row, none and all filled, on a cell where outlines leave a gap and one where
    /// they overlap (no dash).
    @Test(arguments: [(80, 12.0), (37, 12.0), (0, 7.0), (100, 7.0), (9, 7.0), (53, 2.0)])
    func iconGridCoversWhatSquaresCover(_ filled: Int, _ cell: Double) throws {
        let scale = 4.0, size = Int32(cell * 10 * scale + 8)
        func raster(_ draw: (OpaquePointer) -> Void) -> [UInt8] { rasterImage(size: size, scale: scale, draw) }
        let ink = RGB(0, 0.447, 0.698), outline = RGB(0.29, 0.29, 0.29)
        let lines = raster { IconArrayItem.drawGrid($0, x: 0, y: 0, cell: cell, filled: filled, arm: 0, palette: [ink], empty: outline) }
        let squares = raster { cr in
            let side = cell * 0.76, inset = (cell - side) / 2
            for i in 0..<100 {
                cairo_rectangle(cr, cell * Double(i % 10) + inset, cell * Double(i / 10) + inset, side, side)
                if i < filled {
                    cairo_set_source_rgb(cr, ink.r, ink.g, ink.b)
                    cairo_fill(cr)
                }
            }
            cairo_new_path(cr)
            for i in filled..<100 { cairo_rectangle(cr, cell * Double(i % 10) + inset, cell * Double(i / 10) + inset, side, side) }
            cairo_set_source_rgb(cr, outline.r, outline.g, outline.b)
            cairo_set_line_width(cr, 0.75)
            cairo_stroke(cr)
        }
        let worst = zip(lines, squares).map { abs(Int($0) - Int($1)) }.max() ?? 0
        #expect(worst <= 2, "largest channel difference \(worst)")
    }

    @Test func patinaIconArraysMatchTheModel() throws {
        let item = try TestSupport.patina()
        let styles = StyleSheet(try PDFLayouts.load("a4", layoutsFolder: TestSupport.context().layoutsFolder))
        let fonts = try FontSetup(fontsFolder: TestSupport.context().fontsFolder)
        let chart = try #require(item.views.chart(for: "grade3-ae"))
        let icons = IconArrayItem(chart, outcome: item.summary.outcome("grade3-ae")!, styles: styles, fonts: fonts,
                                  width: styles.layout.contentWidth, spaceBefore: 0)
        #expect(icons.columns.map(\.filled) == [80, 31])
        #expect(icons.isFigure && icons.altText?.contains("80 of 100") == true)
    }

    /// Page fill of PATINA on every page but the last: the figures in docs/page-fill.md.
    @Test(arguments: ["a4", "letter", "large-print", "brief-a4", "brief-letter"]) func patinaPagesAreFilled(_ layout: String) throws {
        let fill = try Handout.patina(layout).result.pageFill.dropLast()
        #expect(fill.allSatisfy { $0 >= 0.6 }, "\(layout): \(fill)")
    }

    /// `validate` counts a brief's pages without drawing it: the count must be the drawn handout's, in every
    /// layout and script (PATINA, its long-brief variant and a sample in each language).
    @Test func pageCountWithoutDrawingIsTheDrawnCount() throws {
        let layouts = ["a4", "letter", "large-print", "brief-a4", "brief-letter"]
        let exporter = try Handout.exporter(layouts)
        var items = [try TestSupport.patina()] + Language.allCases.map { TestSupport.sample($0) }
        var s = items[0].summary
        let bottom = try #require(s.sections.firstIndex { $0.kind == .bottomLine })
        s.sections[bottom].blocks += Array(repeating: s.sections[bottom].blocks[0], count: 12)
        items.append(LoadedSummary(summary: s, sourcePath: items[0].sourcePath, sourceBytes: items[0].sourceBytes))
        let worker = WorkerCache()
        for item in items {
            for layout in layouts {
                let drawn = try exporter.renderHandout(item, variant: layout, worker: worker).pageCount
                #expect(try exporter.pageCount(item, variant: layout, worker: worker) == drawn, "\(item.id) \(layout)")
            }
        }
    }

    /// The library-wide check (spread over threads) gives each summary's warnings, in the summaries' order.
    @Test func briefWarningsForALibraryKeepItsOrder() throws {
        var settings = Settings.defaults
        settings[section: PDFSettings.self].layouts = ["a4", "brief-letter"]
        let context = ExportContext(settings: settings, resourceRoot: TestSupport.context().resourceRoot, toolVersion: "0.0.0-test")
        let check = try BriefCheck(context: context)
        // PATINA's Letter brief takes three pages; a longer one more: two different warnings, first and last.
        let patina = try TestSupport.patina()
        var s = patina.summary
        let bottom = try #require(s.sections.firstIndex { $0.kind == .bottomLine })
        s.sections[bottom].blocks += Array(repeating: s.sections[bottom].blocks[0], count: 12)
        let longer = LoadedSummary(summary: s, sourcePath: patina.sourcePath, sourceBytes: patina.sourceBytes)
        let items = [patina] + Language.allCases.map { TestSupport.sample($0) } + [longer]
        let one = items.flatMap { check.warnings($0, worker: WorkerCache()) }
        #expect(Set(one.map(\.description)).count >= 2)
        #expect(check.warnings(items).map(\.description) == one.map(\.description))
    }

    func exporterPages(_ item: LoadedSummary, _ layout: String) throws -> Int {
        try Handout.exporter([layout]).renderHandout(item, variant: layout, worker: WorkerCache()).pageCount
    }
}
