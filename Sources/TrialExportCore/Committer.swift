import Foundation

/// Commits staged files (`AtomicWriter.commit`: fsync, then rename) on threads of its own, so the batch engine's
/// workers go on rendering while the disk catches up: with the fsync on the workers, 46 % of their context
/// switches were waits for it (docs/performance.md, issue 18 sixth round). An fsync is waiting, not work, so a
/// few threads beyond the cores cost no CPU and let several writebacks overlap.
///
/// The queue is bounded: a worker that gets `capacity` jobs ahead of the disk waits, so the staged temporaries
/// (and the page cache they hold) stay few however large the library. `finish` must be called: it waits for
/// every commit and ends the threads.
final class Committer: @unchecked Sendable {
    /// Called on a committer thread with the commit's error (nil when every file landed).
    typealias Done = @Sendable ((any Error)?) -> Void
    private struct Batch { let files: [AtomicWriter.Staged]; let done: Done }

    private let writer: AtomicWriter
    private let capacity: Int
    private let condition = NSCondition()
    private var queue: [Batch] = []        // at most `capacity` long: removing from the front stays cheap
    private var closed = false
    private var peak = 0
    /// Threads waiting for a job and for room: a hand-off wakes one thread when only one kind waits. Waking every
    /// committer for each job (a broadcast) made ~4 futex switches a job on 4 threads, each able to preempt a worker.
    private var idleCommitters = 0
    private var waitingSubmitters = 0
    private let running = DispatchGroup()
    /// Runs when a submitter finds the queue full, before it waits: lets a test see the backpressure without timing.
    private let whenFull: (@Sendable () -> Void)?

    init(writer: AtomicWriter, threads: Int = 4, capacity: Int = 32, whenFull: (@Sendable () -> Void)? = nil) {
        self.writer = writer
        self.capacity = max(1, capacity)
        self.whenFull = whenFull
        for _ in 0..<max(1, threads) {
            running.enter()
            Thread { [self] in
                Committer.yieldToWorkers()
                drain()
                running.leave()
            }.start()
        }
    }

    /// Queues the files of one job; `done` runs once they have all landed or one has failed (the rest are then
    /// discarded). Waits while the queue is full.
    func submit(_ files: [AtomicWriter.Staged], done: @escaping Done) {
        condition.lock()
        if queue.count >= capacity, let whenFull {
            condition.unlock()
            whenFull()
            condition.lock()
        }
        while queue.count >= capacity {
            waitingSubmitters += 1
            condition.wait()
            waitingSubmitters -= 1
        }
        queue.append(Batch(files: files, done: done))
        peak = max(peak, queue.count)
        if idleCommitters > 0 { wake(one: waitingSubmitters == 0) }
        condition.unlock()
    }

    /// Waits until every queued job is committed (or has failed) and its `done` has returned; the threads end.
    func finish() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
        running.wait()
    }

    /// The longest the queue has been: never more than `capacity`.
    var peakQueueLength: Int { condition.lock(); defer { condition.unlock() }; return peak }

    /// With the lock held. `one`: only the kind of thread that should wake is waiting (the counts include every
    /// thread blocked in `wait`), so a signal reaches one of them; otherwise all are woken to find out.
    private func wake(one: Bool) {
        if one { condition.signal() } else { condition.broadcast() }
    }

    /// A committer thread only hands a file to the disk; waking one must not take a core from a worker that is
    /// rendering. Under the default policy every wake-up (one per job) preempted a worker at once: ~11,000
    /// involuntary switches per 300 summaries on 2 cores against ~70 with one worker. `SCHED_BATCH` threads do
    /// not preempt on wake-up; they run when the worker's time slice ends. Best effort: if the kernel refuses,
    /// the thread keeps the default policy.
    private static func yieldToWorkers() {
        #if os(Linux)
        var param = sched_param()
        param.sched_priority = 0
        let schedBatch: Int32 = 3   // SCHED_BATCH (Linux ABI); <sched.h> declares it only under _GNU_SOURCE
        _ = sched_setscheduler(0, schedBatch, &param)
        #endif
    }

    private func drain() {
        while true {
            condition.lock()
            while queue.isEmpty && !closed {
                idleCommitters += 1
                condition.wait()
                idleCommitters -= 1
            }
            guard !queue.isEmpty else {
                condition.unlock()
                return
            }
            let batch = queue.removeFirst()
            if waitingSubmitters > 0 { wake(one: idleCommitters == 0) }   // room for a submitter
            condition.unlock()
            do {
                try writer.commit(batch.files)
                batch.done(nil)
            } catch {
                batch.done(error)
            }
        }
    }
}
