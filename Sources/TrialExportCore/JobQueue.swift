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

final class ResultCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [BatchEngine.JobResult] = []
    func add(_ r: BatchEngine.JobResult) { lock.withLock { results.append(r) } }
    var all: [BatchEngine.JobResult] { lock.withLock { results } }
}

/// Runs `body` on `count` dedicated threads and returns when all have finished.
/// Dedicated threads rather than `concurrentPerform`: dispatch's shared pool can give a busy process a single
/// thread, and each worker keeps its own Pango font map and Cairo state for as long as it runs.
enum WorkerThreads {
    static func run(count: Int, _ body: @escaping @Sendable () -> Void) {
        guard count > 1 else { return body() }
        let group = DispatchGroup()
        for _ in 0..<count {
            group.enter()
            let thread = Thread { body(); group.leave() }
            thread.stackSize = 8 << 20      // HarfBuzz and Pango recurse deeper than a 512 KB secondary-thread default
            thread.start()
        }
        group.wait()
    }
}
