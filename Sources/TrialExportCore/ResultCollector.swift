import Foundation

/// The results of a batch run's jobs, gathered from every worker thread.
final class ResultCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [BatchEngine.JobResult] = []
    func add(_ r: BatchEngine.JobResult) { lock.withLock { results.append(r) } }
    var all: [BatchEngine.JobResult] { lock.withLock { results } }
}
