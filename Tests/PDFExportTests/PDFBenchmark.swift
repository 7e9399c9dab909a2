import ExportKit
import Foundation
import Testing
@testable import PDFExport
import TestSupport

/// Prints the time to render one PATINA handout (fonts already loaded, as in a batch worker). Measures
/// only; never asserts a timing. For the release figure:
/// `swift test -c release -Xswiftc -enable-testing --filter PDFBenchmark`.
@Suite struct PDFBenchmark {
    @Test func renderTimePerHandout() throws {
        let exporter = try Handout.exporter()
        let item = try TestSupport.patina()
        let worker = WorkerCache()
        for layout in ["a4", "large-print"] {
            _ = try exporter.render(item, variant: layout, worker: worker)   // warm up: font map, glyph caches
            let runs = 10
            let start = ContinuousClock.now
            for _ in 0..<runs { _ = try exporter.render(item, variant: layout, worker: worker) }
            let per = (ContinuousClock.now - start) / runs
            print("PDFBenchmark: PATINA \(layout): \(per.components.attoseconds / 1_000_000_000_000_000) ms per handout")
        }
    }
}
