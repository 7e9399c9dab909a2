import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Waits until something in a set of folders changes, then until the burst of changes has settled.
/// Linux: inotify on each folder (editors that save by renaming are seen too, as the folder changes).
/// Elsewhere, or when inotify cannot be had, or when asked: polling with a fixed interval.
public final class FolderWatcher {
    public enum Mode: Sendable, Equatable { case inotify, polling(milliseconds: Int) }

    public private(set) var mode: Mode
    private var fd: Int32 = -1
    private var watched: [String: Int32] = [:]

    public init(pollingMilliseconds: Int? = nil) {
        mode = .polling(milliseconds: pollingMilliseconds ?? 100)
        #if os(Linux)
        if pollingMilliseconds == nil {
            let f = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            if f >= 0 { fd = f; mode = .inotify }
        }
        #endif
    }

    deinit { if fd >= 0 { close(fd) } }

    /// Starts watching the folders that exist. Called again after every round, so a folder deleted and made
    /// again (a rename, a checkout) is watched anew; a folder that vanished stops being watched by itself.
    public func watch(folders: [String]) {
        #if os(Linux)
        guard fd >= 0 else { return }
        let mask = UInt32(IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO
                          | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)
        for f in Set(folders) {
            let wd = inotify_add_watch(fd, f, mask)
            if wd >= 0 { watched[f] = wd } else { watched[f] = nil }
        }
        #endif
    }

    /// Blocks until `snapshot()` differs from `last`, then returns the snapshot taken once the folders have been
    /// quiet for `settle` milliseconds (an editor's save is often several writes and renames).
    public func next(after last: FileSnapshot, settle: Int, snapshot: () -> FileSnapshot) -> FileSnapshot {
        while true {
            // Compare before blocking: a change made before the folders were watched raises no event.
            var current = snapshot()
            guard current != last else { waitForActivity(); continue }
            // Settle: keep waiting while events (or, polling, changes) still arrive.
            while true {
                if fd >= 0 {
                    if !drain(timeout: settle) { return snapshot() }
                } else {
                    usleep(useconds_t(settle * 1000))
                    let again = snapshot()
                    if again == current { return again }
                    current = again
                }
            }
        }
    }

    private func waitForActivity() {
        switch mode {
        case .inotify: _ = drain(timeout: -1)
        case .polling(let ms): usleep(useconds_t(ms * 1000))
        }
    }

    /// Waits up to `timeout` ms (-1: forever) for events and reads them all; true when there were any.
    private func drain(timeout: Int) -> Bool {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let n = poll(&p, 1, Int32(timeout))
        guard n > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while read(fd, &buffer, buffer.count) > 0 {}
        return true
    }
}
