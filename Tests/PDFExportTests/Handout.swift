import ExportKit
import Foundation
@testable import PDFExport
import TestSupport
import TrialModel

/// Renders handouts for the tests, once per layout, and writes them to a temporary folder for the
/// command-line validators.
enum Handout {
    nonisolated(unsafe) private static var cache: [String: (url: URL, result: HandoutRenderer.Result)] = [:]
    private static let lock = NSLock()

    static func exporter(_ layouts: [String] = ["a4", "letter", "large-print", "brief-a4", "brief-letter"]) throws -> PDFExporter {
        try PDFExporter(context: TestSupport.context(options: ExportOptions(variants: layouts)))
    }

    /// PATINA in `layout`, rendered once per test run; also written to disk (path returned).
    static func patina(_ layout: String) throws -> (url: URL, result: HandoutRenderer.Result) {
        lock.lock()
        defer { lock.unlock() }
        if let hit = cache[layout] { return hit }
        let result = try exporter().renderHandout(TestSupport.patina(), variant: layout, worker: WorkerCache())
        let url = try TestSupport.temporaryFolder().appendingPathComponent("patina-\(layout).pdf")
        try result.pdf.write(to: url)
        cache[layout] = (url, result)
        return (url, result)
    }
}
