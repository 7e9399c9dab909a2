import Foundation

/// Hands out jobs to worker threads in order.
final class JobQueue: @unchecked Sendable {
    private let lock = NSLock()
    private let jobs: [BatchJob]
    private var index = 0
    init(_ jobs: [BatchJob]) { self.jobs = jobs }
    func next() -> BatchJob? {
        lock.withLock {
            guard index < jobs.count else { return nil }
            defer { index += 1 }
            return jobs[index]
        }
    }
}
