import Foundation
import ExportKit
import Testing
import TrialModel

/// Paths and helpers shared by every test target.
public enum TestSupport {
    /// The repository root (this file is Tests/TestSupport/TestSupport.swift).
    public static let repoRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static var summariesFolder: URL { repoRoot.appendingPathComponent("summaries") }

    /// The PATINA summary, loaded and validated.
    public static func patina() throws -> LoadedSummary {
        let lib = Library.load(paths: [summariesFolder.appendingPathComponent("patina.yaml").path])
        guard let s = lib.summaries.first else {
            throw TestFailure("PATINA did not load: \(lib.diagnostics.map(\.description).joined(separator: "\n"))")
        }
        return s
    }

    /// A context with default settings and the repo's layouts/ and fonts/.
    public static func context(options: ExportOptions = ExportOptions()) -> ExportContext {
        ExportContext(settings: .defaults, resourceRoot: repoRoot, options: options, toolVersion: "0.0.0-test")
    }

    /// Every number the PATINA seed states; each format must show all of them.
    public static let patinaNumbers = ["518", "44.3", "29.1", "0.75", "79.7", "30.6", "10.0", "3.6", "NCT02947685"]

    /// A fresh temporary folder.
    public static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("trialexport-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Compares `actual` with the golden file at `url`, naming the first differing line. With `UPDATE_GOLDEN=1`
    /// it rewrites the file instead and records an issue: comparing a file with what was just written proves
    /// nothing, so updating and checking are separate runs (update, review the diff, run again without it).
    public static func expectGolden(_ actual: Data, at url: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url)
            Issue.record("updated \(url.lastPathComponent); review the diff and run again without UPDATE_GOLDEN to check it",
                         sourceLocation: sourceLocation)
            return
        }
        let expected = try Data(contentsOf: url)
        guard expected != actual else { return }
        let e = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let a = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let i = (0..<min(e.count, a.count)).first { e[$0] != a[$0] } ?? min(e.count, a.count)
        Issue.record("""
            output differs from its golden file \(url.lastPathComponent) at line \(i + 1) (if intended: UPDATE_GOLDEN=1, review, rerun):
              golden: \(i < e.count ? String(e[i].prefix(300)) : "<end>")
              actual: \(i < a.count ? String(a[i].prefix(300)) : "<end>")
            """, sourceLocation: sourceLocation)
    }

    /// Benchmark suites print timings and prove nothing, so they run only in `make bench` (which sets this).
    public static var benchmarking: Bool { ProcessInfo.processInfo.environment["TRIALEXPORT_BENCH"] == "1" }

    /// Mean milliseconds of `body` over `runs` runs, for benchmark tests that print (never assert) timings.
    public static func milliseconds(runs: Int, _ body: () throws -> Void) rethrows -> Double {
        let start = ContinuousClock.now
        for _ in 0..<runs { try body() }
        let d = (ContinuousClock.now - start) / runs
        return Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    }

    /// Runs a program (found on PATH) and returns its exit status and output.
    @discardableResult
    public static func run(_ program: String, _ args: [String], stdin: Data? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [program] + args
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }
}

public struct TestFailure: Error, CustomStringConvertible {
    public var description: String
    public init(_ d: String) { description = d }
}
