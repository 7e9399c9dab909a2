import ExportKit
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
    /// Returns what `fill` returns (e.g. the hash of what it wrote). Failures are `FileProblem`s: one clear line.
    @discardableResult
    public func write<T>(to url: URL, fill: (URL) throws -> T) throws -> T {
        let folder = url.deletingLastPathComponent()
        try ensureFolder(folder)
        let temp = folder.appendingPathComponent(Self.temporaryName(for: url.lastPathComponent))
        try lock.withLock {
            if interrupted { throw Interrupted() }
            inFlight.insert(temp.path)
        }
        defer { lock.withLock { _ = inFlight.remove(temp.path) } }
        do {
            let result: T
            do { result = try fill(temp) } catch let e as Interrupted { throw e } catch let e as FileProblem { throw e } catch {
                // Only errors of the file system are rewritten; a renderer's own error keeps its words.
                guard FileProblem.posixCode(error) != nil || error is CocoaError else { throw error }
                throw FileProblem("cannot write", path: url.path, error: error)
            }
            // A complete file may still be renamed into place after an interrupt; a half-written one never is.
            if lock.withLock({ interrupted }) { throw Interrupted() }
            guard rename(temp.path, url.path) == 0 else {
                throw FileProblem("cannot move the new file into place", path: url.path, errno: errno)
            }
            return result
        } catch {
            unlink(temp.path)
            throw error
        }
    }

    /// Stops new writes; writes in progress finish (complete files still land), later ones throw `Interrupted`.
    public func interrupt() { lock.withLock { interrupted = true } }

    public var isInterrupted: Bool { lock.withLock { interrupted } }

    /// Stops new writes and waits (up to 5 s) until writes in progress have cleaned up after themselves.
    public func interruptAndDrain() {
        interrupt()
        for _ in 0..<500 where !lock.withLock({ inFlight.isEmpty }) { usleep(10_000) }
        lock.withLock { for path in inFlight { unlink(path) } }
    }

    private func ensureFolder(_ folder: URL) throws {
        if lock.withLock({ createdFolders.contains(folder.path) }) { return }
        do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            throw FileProblem("cannot create the folder", path: folder.path, error: error)
        }
        lock.withLock { _ = createdFolders.insert(folder.path) }
    }

    /// `.<name>.<UUID>.tmp`: hidden, and recognisable so a later run can remove what a killed one left.
    static func temporaryName(for name: String) -> String { ".\(name).\(UUID().uuidString).tmp" }

    static func isTemporaryName(_ name: String) -> Bool {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return false }
        let parts = name.dropLast(4).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 3, let uuid = parts.last else { return false }
        return UUID(uuidString: String(uuid)) != nil
    }

    /// Deletes temporary files of this writer's naming pattern anywhere under `folder` (a run killed with SIGKILL
    /// leaves them). Call only while holding the folder's `OutputLock`: a running writer's files look the same.
    /// Returns the relative paths removed.
    @discardableResult
    public static func removeStaleTemporaries(in folder: URL) -> [String] {
        guard let walk = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var removed: [String] = []
        let base = folder.standardizedFileURL.path + "/"
        for case let url as URL in walk where isTemporaryName(url.lastPathComponent) {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            if unlink(url.path) == 0 { removed.append(String(url.standardizedFileURL.path.dropFirst(base.count))) }
        }
        return removed.sorted()
    }
}
