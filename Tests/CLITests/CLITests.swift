import Foundation
import Testing
import TestSupport

@Suite struct CLITests {
    @Test func helpAndVersion() throws {
        let help = try CLI.run(["--help"])
        #expect(help.status == 0)
        for sub in ["all", "pdf", "epub", "digest", "jsonld", "validate", "formats", "layouts", "sample"] {
            #expect(help.stdout.contains("  \(sub) "), "\(sub) missing from help")
        }
        for sub in ["all", "pdf", "digest", "validate", "sample"] {
            #expect(try CLI.run([sub, "--help"]).status == 0)
        }
        #expect(try CLI.run(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    }

    @Test func usageErrorsExitWithTwo() throws {
        #expect(try CLI.run(["no-such-command"]).status == 2)
        #expect(try CLI.run(["all", "--jobs", "0"]).status == 2)
        #expect(try CLI.run(["all", "--formats", "docx"]).status == 2)
        #expect(try CLI.run(["sample"]).status == 2)
        #expect(try CLI.run(["digest", "--since", "yesterday"]).status == 2)
    }

    @Test func validateTheLibrary() throws {
        let r = try CLI.run(["validate", "summaries"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        // PATINA and its Spanish translation (checked against it).
        #expect(r.stdout.contains("2 summaries checked: 2 valid, 0 invalid; 0 errors, 0 warnings"))
    }

    @Test func validateReportsEveryBrokenFileWithLocation() throws {
        let broken = TestSupport.repoRoot.appendingPathComponent("Tests/TrialModelTests/Fixtures/broken")
        let r = try CLI.run(["validate", broken.path])
        #expect(r.status == 1)
        let files = try FileManager.default.contentsOfDirectory(atPath: broken.path).filter { $0.hasSuffix(".yaml") }
        for f in files {
            #expect(r.stdout.contains("\(broken.path)/\(f):"), "no located message for \(f)")
        }
        #expect(r.stdout.contains(": error: "))
    }

    @Test func sampleThenValidate() throws {
        let dir = try TestSupport.temporaryFolder()
        let s = try CLI.run(["sample", "--count", "200", "--seed", "1", "--output", dir.path])
        #expect(s.status == 0, "\(s.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).count == 200)
        let v = try CLI.run(["validate", dir.path])
        #expect(v.status == 0, "\(v.stdout)")
        #expect(v.stdout.contains("200 valid"))
        // Same seed, same bytes.
        let again = try TestSupport.temporaryFolder()
        _ = try CLI.run(["sample", "--count", "200", "--seed", "1", "--output", again.path])
        #expect(try Data(contentsOf: dir.appendingPathComponent("sample-17.yaml")) == Data(contentsOf: again.appendingPathComponent("sample-17.yaml")))
    }

    @Test func invalidSummaryIsReportedAndSkippedTheRestExported() throws {
        let dir = try TestSupport.temporaryFolder()
        _ = try CLI.run(["sample", "--count", "5", "--seed", "2", "--output", dir.path])
        let bad = TestSupport.repoRoot.appendingPathComponent("Tests/TrialModelTests/Fixtures/broken/bad-registry-id.yaml")
        try FileManager.default.copyItem(at: bad, to: dir.appendingPathComponent("bad.yaml"))
        let out = try TestSupport.temporaryFolder()
        let r = try CLI.run(["all", "--quiet", "--input", dir.path, "--output", out.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("bad.yaml:16:17: error: trial.registryIds[0]"))
        #expect(r.stdout.contains("failed"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("manifest.json").path))
    }

    @Test func secondRunSkipsUnchangedWork() throws {
        let dir = try TestSupport.temporaryFolder()
        _ = try CLI.run(["sample", "--count", "200", "--seed", "1", "--output", dir.path])
        let out = try TestSupport.temporaryFolder()
        let first = try CLI.run(["all", "--quiet", "--input", dir.path, "--output", out.path])
        #expect(first.status == 0, "\(first.stderr)")
        let start = Date()
        let second = try CLI.run(["all", "--quiet", "--input", dir.path, "--output", out.path])
        let seconds = Date().timeIntervalSince(start)
        #expect(second.status == 0)
        #expect(second.stdout.contains(" 0 exported") || second.stdout.hasPrefix("0 exported"), "\(second.stdout)")
        // Reported, not asserted: speed belongs to the benchmark.
        print("no-change rerun of 200 summaries (debug build): \(String(format: "%.2f", seconds)) s")
    }

    /// A rerun that skips parsing an unchanged source still shows that source's warnings.
    @Test func warningsAreShownAgainWhenTheSourceIsSkipped() throws {
        let dir = try TestSupport.temporaryFolder(), out = try TestSupport.temporaryFolder()
        let patina = try String(contentsOf: TestSupport.repoRoot.appendingPathComponent("summaries/patina.yaml"), encoding: .utf8)
        try patina.replacingOccurrences(of: "randomized: true", with: "randomized: false")
            .write(to: dir.appendingPathComponent("patina.yaml"), atomically: true, encoding: .utf8)
        let args = ["all", "--quiet", "--formats", "jsonld", "--input", dir.path, "--output", out.path]
        let first = try CLI.run(args), second = try CLI.run(args)
        #expect(first.stderr.contains("warning: trial.design.allocationRatio:"), "\(first.stderr)")
        #expect(second.stdout.contains(" 0 exported") || second.stdout.hasPrefix("0 exported"), "\(second.stdout)")
        #expect(second.stderr == first.stderr)
    }

    @Test func unknownIdIsAUsageError() throws {
        let out = try TestSupport.temporaryFolder()
        let r = try CLI.run(["jsonld", "no-such-summary", "--output", out.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("no-such-summary"))
    }
}

@Suite struct ShardTests {
    /// The union of N shards' manifests plus a --collections-only run equals one unsharded run.
    @Test func shardsCoverTheLibraryExactlyOnce() throws {
        let dir = try TestSupport.temporaryFolder()
        _ = try CLI.run(["sample", "--count", "12", "--seed", "5", "--output", dir.path])
        func manifest(_ args: [String]) throws -> [String: [String: Any]] {
            let out = try TestSupport.temporaryFolder()
            let r = try CLI.run(["all", "--quiet", "--formats", "jsonld,digest", "--input", dir.path, "--output", out.path] + args)
            #expect(r.status == 0, "\(r.stderr)")
            let data = try Data(contentsOf: out.appendingPathComponent("manifest.json"))
            let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            return json?["files"] as? [String: [String: Any]] ?? [:]
        }
        let whole = try manifest([])
        var union: [String: [String: Any]] = [:]
        for k in 1...3 {
            let part = try manifest(["--shard", "\(k)/3"])
            #expect(Set(part.keys).isDisjoint(with: union.keys))
            union.merge(part) { a, _ in a }
        }
        union.merge(try manifest(["--collections-only"])) { a, _ in a }
        #expect(Set(union.keys) == Set(whole.keys))
        for (path, entry) in whole {
            #expect(union[path]?["sha256"] as? String == entry["sha256"] as? String, "\(path)")
        }
        #expect(!whole.isEmpty)
    }

    @Test func badShardIsAUsageError() throws {
        #expect(try CLI.run(["all", "--shard", "4/3"]).status == 2)
        #expect(try CLI.run(["all", "--shard", "1/2", "--collections-only"]).status == 2)
    }
}

@Suite struct InterruptTests {
    /// Ctrl-C in the middle of a run: certainly mid-run (sent once the log shows finished jobs, while hundreds are
    /// still queued), the run exits 130, leaves complete files only, and its manifest lists exactly those files.
    /// The engine-level test with a blocking exporter is `TrustTests.anInterruptedRunWritesTheManifestOfWhatCompleted`.
    @Test func interruptedRunLeavesNoPartialFileAndAManifestOfWhatCompleted() throws {
        let dir = try TestSupport.temporaryFolder()
        _ = try CLI.run(["sample", "--count", "300", "--seed", "9", "--output", dir.path])
        let out = try TestSupport.temporaryFolder()
        let log = out.deletingLastPathComponent().appendingPathComponent(out.lastPathComponent + ".log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let p = Process()
        p.executableURL = CLI.binary
        p.arguments = ["all", "--jobs", "2", "--formats", "jsonld,digest,epub", "--input", dir.path, "--output", out.path]
        p.currentDirectoryURL = TestSupport.repoRoot
        p.standardOutput = FileHandle.nullDevice
        p.standardError = try FileHandle(forWritingTo: log)
        try p.run()
        var started = false
        for _ in 0..<1200 where !started {
            usleep(50_000)
            started = (try? String(contentsOf: log, encoding: .utf8))?.contains("[3/") == true
        }
        try #require(started, "the run never got going")
        kill(p.processIdentifier, SIGINT)
        p.waitUntilExit()
        let text = try String(contentsOf: log, encoding: .utf8)
        #expect(p.terminationStatus == 130, "\(text.suffix(500))")
        #expect(!text.contains("[903/903]"), "the run finished before the interrupt")   // 300 × 3 formats + 3 collections
        let files = Set((FileManager.default.enumerator(atPath: out.path)?.compactMap { $0 as? String } ?? [])
            .filter { $0.contains(".") && !$0.hasPrefix(".trialexport") && $0 != "manifest.json" })
        #expect(!files.contains { $0.hasSuffix(".tmp") }, "\(files.filter { $0.hasSuffix(".tmp") })")
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("manifest.json"))) as? [String: Any]
        let listed = Set((manifest?["files"] as? [String: Any] ?? [:]).keys)
        #expect(!listed.isEmpty && listed == files, "\(listed.symmetricDifference(files).sorted().prefix(5))")
        for f in files where f.hasSuffix(".jsonld") {
            let data = try Data(contentsOf: out.appendingPathComponent(f))
            #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "\(f) is not complete JSON")
        }
    }
}
