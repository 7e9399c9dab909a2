import ExportKit
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
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDir), !isDir.boolValue {
            // Foundation's own reason here is "File exists", which names neither the file nor the fix.
            throw FileProblem(line: "\(folder.path): error: cannot create the output folder: \(folder.path) is a file, not a folder")
        }
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
