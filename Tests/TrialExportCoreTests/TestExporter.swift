import ExportKit
import Foundation
import TrialModel

/// A tiny format for testing the batch engine without the real exporters.
struct TestExporter: Exporter {
    static let info = FormatInfo(name: "test", title: "Test format", mediaType: "text/plain")
    /// Summaries whose rendering fails on purpose.
    static let failingIDs: Set<String> = ["sample-3"]

    init(context: ExportContext) throws {}

    var variants: [String] { ["one", "two"] }

    func render(_ item: LoadedSummary, variant: String, worker: WorkerCache) throws -> [OutputFile] {
        if Self.failingIDs.contains(item.id) { throw ExportError.render(summaryID: item.id, format: "test", message: "boom") }
        // Records which thread rendered it, to prove the work was spread across workers.
        let thread = worker.value("thread") { UUID().uuidString }
        ThreadLog.shared.add(thread)
        let text = "\(item.summary.title)\n\(item.views.charts.first?.caption ?? "")\n"
        return [OutputFile(path: "test/\(variant)/\(item.id).txt", data: Data(text.utf8))]
    }

    func renderCollection(_ library: [LoadedSummary], worker: WorkerCache) throws -> [OutputFile] {
        [OutputFile(path: "test/index.txt", data: Data(library.map(\.id).joined(separator: "\n").utf8))]
    }
}

final class ThreadLog: @unchecked Sendable {
    static let shared = ThreadLog()
    private let lock = NSLock()
    private var ids: Set<String> = []
    func add(_ id: String) { lock.withLock { _ = ids.insert(id) } }
    var count: Int { lock.withLock { ids.count } }
}
