import Foundation
import Testing
import TestSupport
import TrialExportCore

/// Faults from outside the program (issue 11): a typo'd library, SIGKILL, a full disk, a read-only output
/// folder, two runs at once, a code change. Each asserts the outcome; none is skipped: a test that cannot set up
/// its fault (e.g. mount a tmpfs) fails.
@Suite(.serialized) struct FaultTests {
    /// A library of `count` samples (plus PATINA when asked).
    func library(_ count: Int, seed: Int = 21) throws -> URL {
        let dir = try TestSupport.temporaryFolder()
        let r = try CLI.run(["sample", "--count", "\(count)", "--seed", "\(seed)", "--output", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        return dir
    }

    func manifestFiles(_ out: URL) throws -> [String: [String: Any]] {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("manifest.json"))) as? [String: Any]
        return json?["files"] as? [String: [String: Any]] ?? [:]
    }

    /// Regular files under `out`, relative to it.
    func files(_ out: URL) -> [String] {
        (FileManager.default.enumerator(atPath: out.path)?.compactMap { $0 as? String } ?? []).filter { path in
            var isDir: ObjCBool = false
            return FileManager.default.fileExists(atPath: out.appendingPathComponent(path).path, isDirectory: &isDir) && !isDir.boolValue
        }.sorted()
    }

    /// Every file the manifest lists exists with its recorded SHA-256; no temporary file is left.
    func expectConsistent(_ out: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for (path, entry) in try manifestFiles(out) {
            let data = try Data(contentsOf: out.appendingPathComponent(path))
            let r = try TestSupport.run("sha256sum", [out.appendingPathComponent(path).path])
            #expect(r.stdout.hasPrefix(entry["sha256"] as? String ?? "?"), "\(path)", sourceLocation: sourceLocation)
            #expect(data.count == entry["size"] as? Int, "\(path)", sourceLocation: sourceLocation)
        }
        #expect(!files(out).contains { $0.hasSuffix(".tmp") }, "\(files(out).filter { $0.hasSuffix(".tmp") })", sourceLocation: sourceLocation)
    }

    /// A tmpfs of `size` mounted on a fresh folder; the test fails if it cannot be mounted.
    func tmpfs(_ size: String) throws -> URL {
        let dir = try TestSupport.temporaryFolder()
        let r = try TestSupport.run("mount", ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", dir.path])
        try #require(r.status == 0, "cannot mount a tmpfs for the fault test (needs root): \(r.stderr)")
        return dir
    }

    func unmount(_ dir: URL) { _ = try? TestSupport.run("umount", ["-l", dir.path]) }

    func start(_ args: [String], stderr: URL) throws -> Process {
        let p = Process()
        p.executableURL = CLI.binary
        p.arguments = args
        p.currentDirectoryURL = TestSupport.repoRoot
        p.standardOutput = FileHandle.nullDevice
        FileManager.default.createFile(atPath: stderr.path, contents: nil)
        p.standardError = try FileHandle(forWritingTo: stderr)
        try p.run()
        return p
    }

    /// Waits (up to a minute) until `file` contains `text`.
    func waitFor(_ text: String, in file: URL) -> Bool {
        for _ in 0..<1200 {
            if let s = try? String(contentsOf: file, encoding: .utf8), s.contains(text) { return true }
            usleep(50_000)
        }
        return false
    }

    @Test func aLibraryThatCannotBeReadPrunesNothingAndFails() throws {
        let dir = try library(3), out = try TestSupport.temporaryFolder()
        let args = ["all", "--quiet", "--formats", "jsonld", "--output", out.path, "--input"]
        #expect(try CLI.run(args + [dir.path]).status == 0)
        let before = files(out)
        let typo = try CLI.run(args + [dir.path + "z"])
        #expect(typo.status == 1)
        #expect(typo.stderr.contains("could not be read; nothing was exported or deleted"), "\(typo.stderr)")
        #expect(files(out) == before)
    }

    @Test func sigkillMidRunThenARerunEqualsACleanRun() throws {
        let dir = try library(150), out = try TestSupport.temporaryFolder(), log = out.deletingLastPathComponent()
            .appendingPathComponent(out.lastPathComponent + ".log")
        let args = ["all", "--formats", "jsonld,digest", "--jobs", "2", "--input", dir.path, "--output", out.path]
        let p = try start(args, stderr: log)
        #expect(waitFor("[5/", in: log), "the run never got going")
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        // A killed run's temporary file, as a SIGKILL mid-write leaves one.
        let stale = out.appendingPathComponent("jsonld/.sample-1.jsonld.\(UUID().uuidString).tmp")
        try Data("{\"half".utf8).write(to: stale)
        let rerun = try CLI.run(args + ["--quiet"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        try expectConsistent(out)
        let clean = try TestSupport.temporaryFolder()
        #expect(try CLI.run(["all", "--quiet", "--formats", "jsonld,digest", "--input", dir.path, "--output", clean.path]).status == 0)
        let a = try manifestFiles(out).mapValues { $0["sha256"] as? String }, b = try manifestFiles(clean).mapValues { $0["sha256"] as? String }
        #expect(a == b)
        #expect(files(out).filter { !$0.hasPrefix(".") } == files(clean).filter { !$0.hasPrefix(".") })
    }

    @Test func aFullDiskFailsWithOneClearLinePerFileAndKeepsWhatWasThere() throws {
        let disk = try tmpfs("400k")
        defer { unmount(disk) }
        let out = disk.appendingPathComponent("out")
        let small = try library(2, seed: 5)
        let args = ["all", "--quiet", "--formats", "jsonld,digest", "--output", out.path, "--input"]
        let first = try CLI.run(args + [small.path])
        #expect(first.status == 0, "\(first.stderr)")
        let before = try manifestFiles(out).keys.filter { $0.contains("sample-") }
        let bytes = try before.map { try Data(contentsOf: out.appendingPathComponent($0)) }
        let big = try library(300, seed: 5)
        let full = try CLI.run(args + [big.path])
        #expect(full.status == 1)
        let failures = full.stderr.split(separator: "\n").filter { $0.contains("error:") }
        #expect(!failures.isEmpty && failures.allSatisfy { $0.contains("No space left on device") && $0.count < 300 },
                "\(failures.prefix(3))")
        #expect(!full.stderr.contains("NSUnderlyingError") && !full.stderr.contains("Error Domain"))
        #expect(!files(out).contains { $0.hasSuffix(".tmp") })
        #expect(try before.map { try Data(contentsOf: out.appendingPathComponent($0)) } == bytes)
        // With room again, a rerun completes and its manifest matches the files.
        let grow = try TestSupport.run("mount", ["-o", "remount,size=64m", disk.path])
        try #require(grow.status == 0, "\(grow.stderr)")
        let again = try CLI.run(args + [big.path])
        #expect(again.status == 0, "\(again.stderr)")
        try expectConsistent(out)
    }

    @Test func aReadOnlyOutputFailsClearlyAndChangesNothing() throws {
        let disk = try tmpfs("20m")
        defer { unmount(disk) }
        let dir = try library(3), out = disk.appendingPathComponent("out")
        let args = ["all", "--quiet", "--formats", "jsonld", "--input", dir.path, "--output", out.path]
        #expect(try CLI.run(args).status == 0)
        let before = try files(out).map { try Data(contentsOf: out.appendingPathComponent($0)) }
        let remount = try TestSupport.run("mount", ["-o", "remount,ro", disk.path])
        try #require(remount.status == 0, "cannot remount read-only: \(remount.stderr)")
        let source = dir.appendingPathComponent("sample-2.yaml")
        try (String(contentsOf: source, encoding: .utf8) + "\n# edited\n").write(to: source, atomically: true, encoding: .utf8)
        let r = try CLI.run(args)
        #expect(r.status == 1)
        let errors = r.stderr.split(separator: "\n").filter { $0.contains("error:") }
        #expect(!errors.isEmpty && errors.allSatisfy { $0.contains("Read-only file system") && $0.count < 300 }, "\(r.stderr)")
        #expect(try files(out).map { try Data(contentsOf: out.appendingPathComponent($0)) } == before)
    }

    /// Two runs with different formats, certainly at the same time: both wait on a lock this test holds, then
    /// run one after the other; the manifest lists every file of both.
    @Test func concurrentRunsWaitForEachOtherAndTheManifestKeepsBoth() throws {
        let dir = try library(20), out = try TestSupport.temporaryFolder()
        let logs = (0..<2).map { out.deletingLastPathComponent().appendingPathComponent("\(out.lastPathComponent)-\($0).log") }
        var lock: OutputLock? = try OutputLock(folder: out) {}
        let runs = try zip(["jsonld", "digest"], logs).map { format, log in
            try start(["all", "--formats", format, "--input", dir.path, "--output", out.path], stderr: log)
        }
        for log in logs { #expect(waitFor("another trialexport run is using this output folder; waiting", in: log)) }
        withExtendedLifetime(lock) {}
        lock = nil
        for p in runs { p.waitUntilExit(); #expect(p.terminationStatus == 0) }
        let listed = try manifestFiles(out)
        #expect(listed.keys.filter { $0.hasPrefix("jsonld/") }.count == 20 * 2 + 1)
        #expect(listed.keys.filter { $0.hasPrefix("digest/") }.count == 20 + 1)
        try expectConsistent(out)
    }

    /// A new build must not trust outputs of the old one: same sources, different executable, all rebuilt.
    @Test func aDifferentExecutableRebuildsEverything() throws {
        let dir = try library(3), out = try TestSupport.temporaryFolder()
        let args = ["all", "--quiet", "--formats", "jsonld,digest", "--input", dir.path, "--output", out.path]
        let first = try CLI.run(args)
        #expect(first.status == 0)
        let copy = try TestSupport.temporaryFolder().appendingPathComponent("trialexport")
        // A changed build, same behaviour: another build id (a note inside the loaded image, which the code
        // fingerprint covers; bytes outside the loaded segments, such as debug information, it ignores).
        // Copied and changed by child processes: a descriptor open for writing in this process could be
        // inherited by a program another test spawns meanwhile, and running the copy would fail with ETXTBSY.
        #expect(try TestSupport.run("cp", [CLI.binary.path, copy.path]).status == 0)
        let sections = try TestSupport.run("readelf", ["-SW", copy.path]).stdout
        let note = try #require(sections.split(separator: "\n").first { $0.contains(".note.gnu.build-id") })
        let f = note.split(separator: "]")[1].split(separator: " ")
        let end = UInt64(f[3], radix: 16)! + UInt64(f[4], radix: 16)!
        let flip = "import sys\nwith open(sys.argv[1], 'r+b') as f:\n f.seek(int(sys.argv[2])); b = f.read(1)\n f.seek(int(sys.argv[2])); f.write(bytes([b[0] ^ 0xFF]))"
        #expect(try TestSupport.run("python3", ["-c", flip, copy.path, String(end - 1)]).status == 0)
        let p = Process()
        p.executableURL = copy
        p.arguments = args
        p.currentDirectoryURL = TestSupport.repoRoot
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice
        try p.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(output.hasPrefix(first.stdout.split(separator: " ").first.map(String.init) ?? "?") && output.contains(" 0 skipped"), "\(output) vs \(first.stdout)")
    }

    /// Editing the newsletter subject rebuilds the digest message only; `pdf --layout a4` after `all` rebuilds nothing.
    @Test func settingsAndOptionsRebuildOnlyWhatReadsThem() throws {
        let dir = try TestSupport.temporaryFolder(), out = try TestSupport.temporaryFolder()
        try FileManager.default.copyItem(at: TestSupport.summariesFolder.appendingPathComponent("patina.yaml"), to: dir.appendingPathComponent("patina.yaml"))
        let config = try TestSupport.temporaryFolder().appendingPathComponent("trialexport.yaml")   // not in the library
        try "newsletter:\n  subject: First\n".write(to: config, atomically: true, encoding: .utf8)
        let args = ["--quiet", "--input", dir.path, "--output", out.path, "--config", config.path]
        #expect(try CLI.run(["all"] + args).status == 0)
        try "newsletter:\n  subject: Second\n".write(to: config, atomically: true, encoding: .utf8)
        let edited = try CLI.run(["all"] + args)
        #expect(edited.stdout.hasPrefix("1 exported"), "only digest.eml reads the subject: \(edited.stdout)")
        let a4 = try CLI.run(["pdf", "--layout", "a4"] + args)
        #expect(a4.stdout.hasPrefix("0 exported, 1 skipped"), "\(a4.stdout)")
    }
}
