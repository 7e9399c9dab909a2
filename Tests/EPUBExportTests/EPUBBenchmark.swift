import ExportKit
import Foundation
import Testing
@testable import EPUBExport
import TestSupport
import TrialModel

/// Where one EPUB's time goes: building the documents (libxml2) versus zipping them. Prints only;
/// speed is measured, never asserted.
@Suite(.enabled(if: TestSupport.benchmarking, "benchmarks run in `make bench`")) struct EPUBBenchmark {
    @Test func buildVersusZip() throws {
        let exporter = try EPUBFixture.exporter()
        let item = try TestSupport.patina()
        let runs = 20
        _ = try exporter.render(item, variant: "", worker: WorkerCache())
        let book = exporter.book(for: item)
        let build = TestSupport.milliseconds(runs: runs) { _ = exporter.book(for: item) }
        let zip = try TestSupport.milliseconds(runs: runs) { _ = try EPUBContainer.zip(book) }
        print(String(format: "EPUBBenchmark: PATINA: documents %.2f ms, zip %.2f ms", build, zip))
    }
}
