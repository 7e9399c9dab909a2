import Foundation

/// Writes files so that readers see either the old file or the complete new one: a temporary file in the
/// same folder, then rename. On interruption no temporary file is left behind.
public final class AtomicWriter: @unchecked Sendable {
    private let lock = NSLock()
    private var inFlight: Set<String> = []
    private var interrupted = false
    private var createdFolders: Set<String> = []

    public struct Interrupted: Error {}

    public init() {}

    public func write(_ data: Data, to url: URL) throws {
        try write(to: url) { temp in try data.write(to: temp) }
    }

    /// Calls `fill` to write the new file under a temporary name, then renames it into place.
    /// Returns what `fill` returns (e.g. the hash of what it wrote).
    @discardableResult
    public func write<T>(to url: URL, fill: (URL) throws -> T) throws -> T {
        let folder = url.deletingLastPathComponent()
        try ensureFolder(folder)
        let temp = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        try lock.withLock {
            if interrupted { throw Interrupted() }
            inFlight.insert(temp.path)
        }
        defer { lock.withLock { _ = inFlight.remove(temp.path) } }
        do {
            let result = try fill(temp)
            // A complete file may still be renamed into place after an interrupt; a half-written one never is.
            if lock.withLock({ interrupted }) { throw Interrupted() }
            guard rename(temp.path, url.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [
                    NSFilePathErrorKey: url.path,
                    NSLocalizedDescriptionKey: "cannot move the new file into \(url.path): \(String(cString: strerror(errno)))"])
            }
            return result
        } catch {
            unlink(temp.path)
            throw error
        }
    }

    /// Stops new writes and waits (up to 5 s) until writes in progress have cleaned up after themselves.
    public func interruptAndDrain() {
        lock.withLock { interrupted = true }
        for _ in 0..<500 where !lock.withLock({ inFlight.isEmpty }) { usleep(10_000) }
        lock.withLock { for path in inFlight { unlink(path) } }
    }

    private func ensureFolder(_ folder: URL) throws {
        if lock.withLock({ createdFolders.contains(folder.path) }) { return }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        lock.withLock { _ = createdFolders.insert(folder.path) }
    }
}
