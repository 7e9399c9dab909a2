import Foundation

/// A progress bar on a terminal (done/total, rate, ETA); plain log lines otherwise; nothing when quiet.
final class Progress: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private var done = 0
    private let start = DispatchTime.now()
    private let tty: Bool
    private let quiet: Bool
    private var lastDraw: UInt64 = 0

    init(total: Int, quiet: Bool) {
        self.total = total
        self.quiet = quiet
        self.tty = isatty(STDERR_FILENO) == 1
    }

    func finished(_ label: String, outcome: String) {
        lock.withLock {
            done += 1
            guard !quiet else { return }
            if tty {
                let now = DispatchTime.now().uptimeNanoseconds
                guard done == total || now - lastDraw > 50_000_000 else { return }
                lastDraw = now
                draw(now)
            } else {
                FileHandle.standardError.write(Data("[\(done)/\(total)] \(outcome) \(label)\n".utf8))
            }
        }
    }

    func end() {
        lock.withLock { if tty && !quiet && total > 0 { FileHandle.standardError.write(Data("\n".utf8)) } }
    }

    private func draw(_ now: UInt64) {
        let elapsed = Double(now - start.uptimeNanoseconds) / 1e9
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let eta = rate > 0 ? Double(total - done) / rate : 0
        let width = 30
        let filled = total > 0 ? width * done / total : width
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let line = String(format: "\r[%@] %d/%d  %.1f/s  ETA %.0fs ", bar, done, total, rate, eta)
        FileHandle.standardError.write(Data(line.utf8))
    }
}
