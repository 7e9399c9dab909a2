import Foundation

/// A `trialexport` process left running (watch), whose output is collected as it comes; tests wait on that
/// output or on files with a deadline instead of sleeping for fixed times.
final class Background: @unchecked Sendable {
    let process = Process()
    private let lock = NSLock()
    private var out = ""
    private var err = ""

    init(_ args: [String], cwd: URL) throws {
        process.executableURL = CLI.binary
        process.arguments = args
        process.currentDirectoryURL = cwd
        let o = Pipe(), e = Pipe()
        process.standardOutput = o
        process.standardError = e
        o.fileHandleForReading.readabilityHandler = { [weak self] h in self?.append(h.availableData, toErr: false) }
        e.fileHandleForReading.readabilityHandler = { [weak self] h in self?.append(h.availableData, toErr: true) }
        try process.run()
    }

    private func append(_ d: Data, toErr: Bool) {
        let s = String(decoding: d, as: UTF8.self)
        lock.withLock { if toErr { err += s } else { out += s } }
    }

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

    /// Waits until stdout holds `text` `count` times.
    @discardableResult
    func waitFor(_ text: String, count: Int = 1, seconds: Double = 60) -> Bool {
        Background.waitUntil(seconds: seconds) { self.stdout.components(separatedBy: text).count - 1 >= count }
    }

    func stop() -> Int32 {
        if process.isRunning { process.interrupt() }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
