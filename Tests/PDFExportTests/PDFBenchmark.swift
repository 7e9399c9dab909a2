import ExportKit
import Foundation
import Testing
@testable import PDFExport
import TestSupport

/// Prints the time to render one PATINA handout (fonts already loaded, as in a batch worker). Measures
/// only; never asserts a timing. Runs in `make bench` (release build), not in `swift test`.
@Suite(.enabled(if: TestSupport.benchmarking, "benchmarks run in `make bench`")) struct PDFBenchmark {
    @Test func renderTimePerHandout() throws {
        let exporter = try Handout.exporter()
        let item = try TestSupport.patina()
        let worker = WorkerCache()
        for layout in ["a4", "large-print"] {
            _ = try exporter.render(item, variant: layout, worker: worker)   // warm up: font map, glyph caches
            let ms = try TestSupport.milliseconds(runs: 10) { _ = try exporter.render(item, variant: layout, worker: worker) }
            print("PDFBenchmark: PATINA \(layout): \(Int(ms)) ms per handout")
        }
    }
}

/// Where one handout's time goes: composing (Pango layout of every text block, chart measuring) and
/// paginating, drawing the charts, and the rest (drawing text, tags, cairo's font subsetting and deflate).
/// Prints only.
@Suite(.enabled(if: TestSupport.benchmarking, "benchmarks run in `make bench`")) struct PDFPhaseBenchmark {
    @Test func phasesOfOneHandout() throws {
        let exporter = try Handout.exporter(["a4"])
        let item = try TestSupport.patina()
        let worker = WorkerCache()
        _ = try exporter.render(item, variant: "a4", worker: worker)
        let layout = try #require(exporter.layouts["a4"])
        let fonts = try FontSetup(fontsFolder: TestSupport.context().fontsFolder)
        let settings = TestSupport.context().settings
        let runs = 10
        let compose = TestSupport.milliseconds(runs: runs) {
            let items = HandoutComposer(item: item, settings: settings, styles: StyleSheet(layout), fonts: fonts).compose()
            _ = Paginator(pageHeight: layout.pageHeight - layout.margins.top - layout.margins.bottom).paginate(items)
        }
        let charts = HandoutComposer(item: item, settings: settings, styles: StyleSheet(layout), fonts: fonts).compose()
            .compactMap { $0 as? ChartItem }
        let drawCharts = try TestSupport.milliseconds(runs: runs) {
            let canvas = PDFCanvas(width: layout.pageWidth, height: layout.pageHeight)
            for c in charts { c.draw(canvas, x: layout.margins.left, top: layout.margins.top, slice: 0..<c.height) }
            _ = try canvas.finish()
        }
        let whole = try TestSupport.milliseconds(runs: runs) { _ = try exporter.render(item, variant: "a4", worker: worker) }
        print(String(format: "PDFPhaseBenchmark: PATINA a4: compose+paginate %.2f ms, %d charts drawn %.2f ms, whole handout %.2f ms",
                     compose, charts.count, drawCharts, whole))
    }
}

/// What other scripts cost (issue 19): loading each set of script fonts once per worker, and one handout of
/// the fictional Arabic and Chinese fixtures beside PATINA. Prints only.
@Suite(.enabled(if: TestSupport.benchmarking, "benchmarks run in `make bench`")) struct ScriptBenchmark {
    @Test func fontLoadingAndHandoutsPerScript() throws {
        let folder = TestSupport.context().fontsFolder
        for scripts: Set<ScriptFont> in [[], [.arabic], [.hebrew], [.devanagari], [.han], [.hanFull]] {
            let ms = try TestSupport.milliseconds(runs: 3) {
                let fonts = try FontSetup(fontsFolder: folder, scripts: scripts)
                _ = fonts.metrics(FontSpec(family: "Atkinson Hyperlegible", size: 12))
            }
            print(String(format: "ScriptBenchmark: font setup %@: %.1f ms (once per worker)",
                         scripts.isEmpty ? "main fonts" : scripts.sorted().map(\.rawValue).joined(), ms))
        }
        let exporter = try Handout.exporter(["a4"])
        let worker = WorkerCache()
        for item in [try TestSupport.patina(), try ScriptTests.load("wadi-ar"), try ScriptTests.load("wadi-zh")] {
            _ = try exporter.render(item, variant: "a4", worker: worker)
            let ms = try TestSupport.milliseconds(runs: 5) { _ = try exporter.render(item, variant: "a4", worker: worker) }
            print(String(format: "ScriptBenchmark: %@ a4: %.1f ms per handout", item.id, ms))
        }
    }
}
