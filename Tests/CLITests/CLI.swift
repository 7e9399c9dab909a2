import Foundation
import TestSupport

/// Runs the built `trialexport` binary, which sits next to the test bundle.
enum CLI {
    static let binary: URL = {
        let bundleDir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for dir in [bundleDir, bundleDir.deletingLastPathComponent(), Bundle.main.bundleURL.deletingLastPathComponent()] {
            let candidate = dir.appendingPathComponent("trialexport")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return TestSupport.repoRoot.appendingPathComponent(".build/debug/trialexport")
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs in `cwd` (default: the repository root, where summaries/ and trialexport.yaml are).
    static func run(_ args: [String], cwd: URL = TestSupport.repoRoot, environment: [String: String] = [:],
                    executable: URL = binary) throws -> Result {
        let p = Process()
        p.executableURL = executable
        if !environment.isEmpty { p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        p.arguments = args
        p.currentDirectoryURL = cwd
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }
}
