import Foundation

/// An exclusive lock on an output folder, so two runs never interleave their writes, prunes and manifests.
/// A second run waits (after saying so) until the first ends. The lock is `flock` on `.trialexport.lock` in the
/// folder: the kernel releases it when the holder exits, however it exits (even SIGKILL), so it never goes stale.
public final class OutputLock: Sendable {
    public static let fileName = ".trialexport.lock"
    private let fd: Int32

    /// Takes the lock, creating the folder if needed; calls `waiting` once if another process holds it, then blocks.
    public init(folder: URL, waiting: () -> Void) throws {
        let path = folder.appendingPathComponent(Self.fileName).path
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw FileProblem("cannot create the output folder", path: folder.path, error: error)
        }
        var fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        if fd < 0 && (errno == EROFS || errno == EACCES) { fd = open(path, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else { throw FileProblem("cannot lock the output folder", path: path, errno: errno) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK else {
                let e = errno
                close(fd)
                throw FileProblem("cannot lock the output folder", path: path, errno: e)
            }
            waiting()
            while flock(fd, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    let e = errno
                    close(fd)
                    throw FileProblem("cannot lock the output folder", path: path, errno: e)
                }
            }
        }
        self.fd = fd
    }

    deinit { close(fd) }
}

/// A file-system failure as one line: what failed, on which path, and the system's reason.
public struct FileProblem: Error, CustomStringConvertible, Sendable {
    public var description: String

    public init(_ what: String, path: String, errno code: Int32) {
        self.init(line: "\(path): error: \(what): \(String(cString: strerror(code)))")
    }

    init(line: String) { description = line }

    /// From a Foundation error, keeping only the POSIX reason (Foundation's own text is a dictionary dump).
    public init(_ what: String, path: String, error: any Error) {
        if let code = Self.posixCode(error) { self.init(what, path: path, errno: code) } else {
            self.init(line: "\(path): error: \(what): \((error as NSError).localizedDescription)")
        }
    }

    static func posixCode(_ error: any Error) -> Int32? {
        if let p = error as? POSIXError { return p.code.rawValue }
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return Int32(ns.code) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? any Error { return posixCode(underlying) }
        return nil
    }
}

extension FileProblem {
    /// The message without its `path: error:` prefix.
    var reason: String {
        guard let r = description.range(of: ": error: ") else { return description }
        return String(description[r.upperBound...])
    }
}
