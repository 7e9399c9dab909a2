import ExportKit
import Foundation
import TrialModel

/// A tiny format for testing the batch engine without the real exporters.
struct TestExporter: Exporter {
    static let info = FormatInfo(name: "test", title: "Test format", mediaType: "text/plain",
                                        hasCollection: true)
    /// Summaries whose rendering fails on purpose.
    static let failingIDs: Set<String> = ["sample-3"]

    /// When set, each worker's first render waits for the others, so the test sees the work spread across threads
    /// however the scheduler orders them.
    let rendezvous: WorkerRendezvous?

    init(context: ExportContext) throws { rendezvous = nil }
    init(rendezvous: WorkerRendezvous) { self.rendezvous = rendezvous }

    var variants: [String] { ["one", "two"] }

    func configurationFingerprint(collection: Bool) -> [UInt8] { [] }

    func render(_ item: LoadedSummary, variant: String, worker: WorkerCache) throws -> [OutputFile] {
        if Self.failingIDs.contains(item.id) { throw ExportError.render(summaryID: item.id, format: "test", message: "boom") }
        if let rendezvous {
            let id = worker.value(WorkerCache.Key<String>("worker-id")) { UUID().uuidString }
            rendezvous.arrive(id)
        }
        let text = "\(item.summary.title)\n\(item.views.charts.first?.caption ?? "")\n"
        return [OutputFile(path: "test/\(variant)/\(item.id).txt", data: Data(text.utf8))]
    }

    func renderCollection(_ library: [LoadedSummary], worker: WorkerCache) throws -> [OutputFile] {
        // Streamed, as large collections are, so the engine's streaming path is under test too.
        let text = library.map(\.id).joined(separator: "\n")
        return [OutputFile(path: "test/index.txt") { url in try Data(text.utf8).write(to: url) }]
    }
}

/// Holds each arriving worker until `parties` distinct workers have arrived, or a generous deadline passes
/// (a serial engine then fails the test instead of hanging it).
final class WorkerRendezvous: @unchecked Sendable {
    private let condition = NSCondition()
    private var arrived: Set<String> = []
    let parties: Int
    init(parties: Int) { self.parties = parties }

    func arrive(_ worker: String) {
        condition.lock()
        defer { condition.unlock() }
        arrived.insert(worker)
        condition.broadcast()
        condition.wait(seconds: 30) { arrived.count >= parties }
    }

    var workers: Int { condition.lock(); defer { condition.unlock() }; return arrived.count }
}

extension NSCondition {
    /// With the lock held: waits until `done()` holds or `seconds` pass, and says whether it holds. The deadline
    /// makes a test of concurrency fail on a serial engine instead of hanging.
    @discardableResult
    func wait(seconds: TimeInterval, until done: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while !done(), wait(until: deadline) {}
        return done()
    }
}
