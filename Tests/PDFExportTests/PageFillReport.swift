import ExportKit
import Foundation
import Testing
@testable import PDFExport
import TestSupport
import TrialModel

/// Page fill (content height over text-area height) on every page but each document's last, for PATINA and
/// generated summaries, per layout. `TRIALEXPORT_PAGE_FILL_SAMPLES=200 TRIALEXPORT_PAGE_FILL_REPORT=file`
/// writes the table in docs/page-fill.md (`make page-fill`); a plain test run checks a few summaries.
@Suite struct PageFillReport {
    static let layouts = ["a4", "letter", "large-print", "brief-a4", "brief-letter"]

    @Test func fillPerLayout() throws {
        let env = ProcessInfo.processInfo.environment
        let count = Int(env["TRIALEXPORT_PAGE_FILL_SAMPLES"] ?? "") ?? 4
        let items = [try TestSupport.patina()] + SampleGenerator(seed: 1).summaries(count: count).map {
            LoadedSummary(summary: $0, sourcePath: "sample/\($0.id).yaml", sourceBytes: [])
        }
        let exporter = try Handout.exporter(Self.layouts)
        let worker = WorkerCache()
        var rows = ["| layout | documents | pages measured | min | median | pages < 60 % | PATINA pages |", "|---|---|---|---|---|---|---|"]
        for layout in Self.layouts {
            var fills: [Double] = []
            var patinaPages = 0
            for item in items {
                let r = try exporter.renderHandout(item, variant: layout, worker: worker)
                #expect(r.pageFill.count == r.pageCount && r.pageFill.allSatisfy { $0 > 0 && $0 <= 1 })
                if item.id == "patina" { patinaPages = r.pageCount }
                fills += r.pageFill.dropLast()
            }
            fills.sort()
            let median = fills.isEmpty ? 0 : fills[fills.count / 2]
            func pct(_ v: Double) -> String { "\(Int((v * 100).rounded())) %" }
            rows.append("| \(layout) | \(items.count) | \(fills.count) | \(pct(fills.first ?? 0)) | \(pct(median)) | "
                + "\(fills.filter { $0 < 0.6 }.count) | \(patinaPages) |")
        }
        if let path = env["TRIALEXPORT_PAGE_FILL_REPORT"] {
            try (rows.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
    }
}
