import Foundation

/// Runs work on dedicated threads and returns when all have finished.
/// Dedicated threads rather than `concurrentPerform`: dispatch's shared pool can give a busy process a single
/// thread, and each worker keeps its own state (a Pango font map, Cairo surfaces) for as long as it runs.
public enum WorkerThreads {
    /// Runs `body` once on each of `count` threads.
    public static func run(count: Int, _ body: @escaping @Sendable () -> Void) {
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

    /// Calls `body` for every index in `0..<iterations`, each exactly once, spread over up to `threads` threads.
    public static func forEach(_ iterations: Int, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                               _ body: @escaping @Sendable (Int) -> Void) {
        let next = Counter()
        run(count: min(max(1, threads), iterations)) {
            while let i = next.take(below: iterations) { body(i) }
        }
    }

    /// `body(state, i)` for every index, each exactly once, in order in the result; `state` is made once per
    /// thread (a worker's caches: a Pango font map serves one thread).
    public static func map<State, T: Sendable>(_ iterations: Int, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                                               state: @escaping @Sendable () -> State,
                                               _ body: @escaping @Sendable (State, Int) -> T) -> [T] {
        let next = Counter(), slots = ResultSlots<T>(count: iterations)
        run(count: min(max(1, threads), iterations)) {
            let own = state()
            while let i = next.take(below: iterations) { slots[i] = body(own, i) }
        }
        return slots.values
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func take(below limit: Int) -> Int? {
            lock.withLock {
                guard value < limit else { return nil }
                defer { value += 1 }
                return value
            }
        }
    }
}
