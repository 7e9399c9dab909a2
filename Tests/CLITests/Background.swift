import Foundation

/// A `trialexport` process left running (watch), whose output is collected as it comes; tests wait on that
/// output or on files with a deadline instead of sleeping for fixed times.
final class Background: @unchecked Sendable {
    let process = Process()
    private let lock = NSLock()
    private var out = ""
    private var err = ""
    private var ended = 0

    init(_ args: [String], cwd: URL) throws {
        process.executableURL = CLI.binary
        process.arguments = args
        process.currentDirectoryURL = cwd
        let o = Pipe(), e = Pipe()
        process.standardOutput = o
        process.standardError = e
        for (pipe, isErr) in [(o, false), (e, true)] {
            pipe.fileHandleForReading.readabilityHandler = { [weak self] h in
                let d = h.availableData
                if d.isEmpty { h.readabilityHandler = nil; self?.end() } else { self?.append(d, toErr: isErr) }
            }
        }
        try process.run()
    }

    private func append(_ d: Data, toErr: Bool) {
        let s = String(decoding: d, as: UTF8.self)
        lock.withLock { if toErr { err += s } else { out += s } }
    }

    private func end() { lock.withLock { ended += 1 } }

    var stdout: String { lock.withLock { out } }
    var stderr: String { lock.withLock { err } }

    /// Waits until `condition` holds (checked every 20 ms) or `seconds` pass; returns whether it held.
    @discardableResult
    static func waitUntil(seconds: Double = 60, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(20_000)
        }
        return condition()
    }

    /// Waits until stdout, past its first `after` characters, holds `text`.
    @discardableResult
    func waitFor(_ text: String, after: Int = 0, seconds: Double = 60) -> Bool {
        Background.waitUntil(seconds: seconds) { self.stdout.dropFirst(after).contains(text) }
    }

    /// Also waits for both pipes' ends: the process's exit is reported apart from its last output, which could
    /// otherwise still be on its way to `stdout` when the test reads it.
    func stop() -> Int32 {
        if process.isRunning { process.interrupt() }
        process.waitUntilExit()
        Background.waitUntil(seconds: 10) { self.lock.withLock { self.ended == 2 } }
        return process.terminationStatus
    }
}
