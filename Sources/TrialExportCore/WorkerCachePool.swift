import ExportKit
import Foundation

/// Worker caches kept between runs of one process, so a long-lived caller (`watch`) loads fonts and builds font
/// maps once per session instead of once per run. Each cache is lent to one worker thread at a time and returned
/// when the thread ends; the lock orders one thread's use before the next's. Drop the pool when the resources
/// the caches were built from (fonts, layouts) may have changed.
public final class WorkerCachePool: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: [WorkerCache] = []

    public init() {}

    func take() -> WorkerCache { lock.withLock { idle.popLast() } ?? WorkerCache() }

    func give(back cache: WorkerCache) { lock.withLock { idle.append(cache) } }
}
