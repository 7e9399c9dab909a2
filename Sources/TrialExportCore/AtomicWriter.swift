import ExportKit
import Foundation

/// Writes files so that readers see either the old file or the complete new one: a temporary file in the
/// same folder, made durable (fsync), then renamed into place. On interruption no temporary file is left behind.
///
/// Two steps, so that the slow one can run elsewhere: `stage` writes the temporary file (CPU and page cache
/// only), `commit` waits for the disk and renames. `write` does both; the batch engine stages on its workers and
/// commits on a `Committer`'s threads, because a worker waiting in fsync renders nothing (issue 18, sixth round).
public final class AtomicWriter: @unchecked Sendable {
    private let lock = NSLock()
    /// Temporaries staged and not yet committed or discarded: what a second interrupt removes.
    private var inFlight: Set<String> = []
    private var interrupted = false
    private var createdFolders: Set<String> = []
    /// `fsync`, or a test's stand-in (to hold a commit, or to fail one).
    let sync: @Sendable (Int32) -> Int32

    public struct Interrupted: Error {}

    /// A complete new file under its temporary name: neither durable nor in place until committed.
    public struct Staged: Sendable {
        public let temp: String
        public let target: String
    }

    public convenience init() { self.init(sync: { fsync($0) }) }

    init(sync: @escaping @Sendable (Int32) -> Int32) { self.sync = sync }

    public func write(_ data: Data, to url: URL) throws {
        try commit([try stage(data, for: url)])
    }

    /// Calls `fill` to write the new file under a temporary name, then commits it.
    /// Returns what `fill` returns (e.g. the hash of what it wrote). Failures are `FileProblem`s: one clear line.
    @discardableResult
    public func write<T>(to url: URL, fill: (URL) throws -> T) throws -> T {
        let (staged, result) = try stage(for: url, fill: fill)
        try commit([staged])
        return result
    }

    /// Writes `data` to a new temporary file beside `url` with plain system calls: Foundation's `Data.write`
    /// also fsyncs, which is the commit's business.
    func stage(_ data: Data, for url: URL) throws -> Staged {
        try stage(for: url) { temp -> Void in
            let fd = open(temp.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            guard fd >= 0 else { throw FileProblem("cannot write", path: url.path, errno: errno) }
            defer { close(fd) }
            try data.withUnsafeBytes { raw in
                var done = 0
                while done < raw.count {
                    let n = Foundation.write(fd, raw.baseAddress! + done, raw.count - done)
                    if n < 0 {
                        if errno == EINTR { continue }
                        throw FileProblem("cannot write", path: url.path, errno: errno)
                    }
                    done += n
                }
            }
        }.0
    }

    /// Calls `fill` to write the temporary file. On failure the temporary is gone and nothing is staged.
    func stage<T>(for url: URL, fill: (URL) throws -> T) throws -> (Staged, T) {
        let folder = url.deletingLastPathComponent()
        try ensureFolder(folder)
        let temp = folder.appendingPathComponent(Self.temporaryName(for: url.lastPathComponent))
        try lock.withLock {
            if interrupted { throw Interrupted() }
            inFlight.insert(temp.path)
        }
        let staged = Staged(temp: temp.path, target: url.path)
        do {
            return (staged, try fill(temp))
        } catch {
            discard([staged])
            if error is Interrupted || error is FileProblem { throw error }
            // Only errors of the file system are rewritten; a renderer's own error keeps its words.
            guard FileProblem.posixCode(error) != nil || error is CocoaError else { throw error }
            throw FileProblem("cannot write", path: url.path, error: error)
        }
    }

    /// Makes staged files durable, then renames them into place, in order. The files of one job land together:
    /// an interrupt before the first fsync discards them all, one after it lets them all land (they are complete).
    /// On a failure the files not yet in place are discarded and the error names the file and the reason.
    func commit(_ files: [Staged]) throws {
        if isInterrupted {
            discard(files)
            throw Interrupted()
        }
        for (i, f) in files.enumerated() {
            var problem: FileProblem?
            let fd = open(f.temp, O_RDONLY | O_CLOEXEC)
            if fd < 0 { problem = FileProblem("cannot write", path: f.target, errno: errno) } else {
                if sync(fd) != 0 { problem = FileProblem("cannot write", path: f.target, errno: errno) }
                close(fd)
            }
            if let problem {
                discard(Array(files[i...]))
                throw problem
            }
        }
        for (i, f) in files.enumerated() where rename(f.temp, f.target) != 0 {
            let problem = FileProblem("cannot move the new file into place", path: f.target, errno: errno)
            landed(files[..<i])
            discard(Array(files[i...]))
            throw problem
        }
        landed(files[...])
    }

    private func landed(_ files: ArraySlice<Staged>) {
        lock.withLock { for f in files { inFlight.remove(f.temp) } }
    }

    /// Removes staged temporaries that will not be committed.
    func discard(_ files: [Staged]) {
        for f in files { unlink(f.temp) }
        lock.withLock { for f in files { inFlight.remove(f.temp) } }
    }

    /// Stops new writes; staged files not yet being committed are discarded, later writes throw `Interrupted`.
    /// Commits already under way finish (complete files still land).
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
