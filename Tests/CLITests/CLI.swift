import Foundation
import TestSupport

/// Runs the built `trialexport` binary, which sits next to the test bundle.
enum CLI {
    /// `TRIALEXPORT_CLI=/path/to/trialexport` runs these tests against another build (e.g. main's, to see which fail there).
    static let binary: URL = {
        if let other = ProcessInfo.processInfo.environment["TRIALEXPORT_CLI"] { return URL(fileURLWithPath: other) }
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
        // Files, not pipes: reading one pipe to its end while the child fills the other would deadlock.
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("stdout"), errURL = folder.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        p.standardOutput = try FileHandle(forWritingTo: outURL)
        p.standardError = try FileHandle(forWritingTo: errURL)
        try p.run()
        p.waitUntilExit()
        let o = try Data(contentsOf: outURL), e = try Data(contentsOf: errURL)
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }
}
