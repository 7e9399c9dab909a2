import DigestExport
import ExportKit
import PDFExport
import Foundation
import Testing
import TestSupport
@testable import TrialExportCore
import TrialModel

/// Runs that must never lose or leave stale outputs (issue 11 "Data loss", issue 17 §1). Each test fails on the
/// main of fd5cbae (most do not even compile there: the API they need did not exist).
@Suite struct TrustTests {
    let context = TestSupport.context()

    func samples(_ count: Int, seed: UInt64 = 8) throws -> URL {
        let dir = try TestSupport.temporaryFolder()
        #expect(SampleWriter.write(count: count, generator: SampleGenerator(seed: seed), writer: AtomicWriter(), folder: dir).isEmpty)
        return dir
    }

    func engine(_ out: URL, force: Bool = false, prune: Bool = true, code: String = "code-1",
                exporter: (any Exporter)? = nil, writer: AtomicWriter = AtomicWriter(), jobs: Int = 2) throws -> BatchEngine {
        BatchEngine(exporters: [try exporter ?? TestExporter(context: context)], context: context,
                    options: BatchOptions(outputFolder: out, jobs: jobs, force: force, quiet: true, pruneRemoved: prune),
                    writer: writer, codeFingerprint: code)
    }

    /// The CLI's sequence: read sources, skip the unchanged, load the rest, run.
    @discardableResult
    func run(_ dir: URL, _ e: BatchEngine) -> BatchReport {
        let (sources, _) = Library.readSources(paths: [dir.path])
        let lib = Library.load(sources: sources, known: e.unchangedSources(sources), owners: e.sourceOwners)
        return e.run(lib.summaries, collectionLibrary: lib.inCategoryOrder, unchanged: lib.unchanged,
                     invalidSources: lib.failedFiles, keep: lib.disputedIDs)
    }

    func exists(_ out: URL, _ path: String) -> Bool { FileManager.default.fileExists(atPath: out.appendingPathComponent(path).path) }

    // MARK: issue 11

    @Test func manifestPathsLeadingOutsideTheOutputFolderAreNeverDeleted() throws {
        let dir = try samples(4), out = try TestSupport.temporaryFolder(), outside = try TestSupport.temporaryFolder()
        run(dir, try engine(out))
        let victim = outside.appendingPathComponent("victim.txt"), linked = outside.appendingPathComponent("linked.txt")
        try Data("keep me".utf8).write(to: victim)
        try Data("keep me too".utf8).write(to: linked)
        try FileManager.default.createSymbolicLink(at: out.appendingPathComponent("test/escape"), withDestinationURL: outside)
        var m = try #require(Manifest.load(from: out))
        let stray = Manifest.Entry(sha256: "x", size: 7, format: "test", summaryID: "gone", variant: "one", inputHash: "x")
        for p in ["../\(outside.lastPathComponent)/victim.txt", victim.path, "test/escape/linked.txt", "test/./../../x"] { m.files[p] = stray }
        try m.encoded().write(to: out.appendingPathComponent(Manifest.fileName))
        let e = try engine(out)
        #expect(e.warnings.contains { $0.contains("lies outside the output folder") })
        let report = run(dir, e)
        #expect(FileManager.default.fileExists(atPath: victim.path) && FileManager.default.fileExists(atPath: linked.path))
        #expect(!report.pruned.contains { $0.contains("victim") || $0.contains("linked") })
        #expect(try #require(Manifest.load(from: out)).files.keys.allSatisfy { $0.hasPrefix("test/") && !$0.contains("escape") })
    }

    @Test func anOutputEditedToTheSameSizeIsRebuilt() throws {
        let dir = try samples(3), out = try TestSupport.temporaryFolder()
        run(dir, try engine(out))
        let file = out.appendingPathComponent("test/one/sample-1.txt")
        let original = try Data(contentsOf: file)
        try Data(repeating: UInt8(ascii: "x"), count: original.count).write(to: file)
        let again = run(dir, try engine(out))
        #expect(again.exported == 1, "\(again.summaryLine)")
        #expect(try Data(contentsOf: file) == original)
    }

    @Test func staleTemporaryFilesOfOurPatternAreRemovedAtTheStart() throws {
        let dir = try samples(2), out = try TestSupport.temporaryFolder()
        run(dir, try engine(out))
        let stale = "test/one/" + AtomicWriter.temporaryName(for: "sample-1.txt")
        let foreign = "test/one/.notes.tmp"
        try Data("half".utf8).write(to: out.appendingPathComponent(stale))
        try Data("mine".utf8).write(to: out.appendingPathComponent(foreign))
        run(dir, try engine(out, force: true))
        #expect(!exists(out, stale))
        #expect(exists(out, foreign))
    }

    /// Both files claim one id: the one the manifest says owned it keeps it; with no history neither is exported
    /// and the earlier outputs stay.
    @Test func aDuplicateIdStaysWithItsOwner() throws {
        let dir = try samples(2), out = try TestSupport.temporaryFolder()
        run(dir, try engine(out))
        let owned = try Data(contentsOf: out.appendingPathComponent("test/one/sample-2.txt"))
        // "a-copy" sorts before "sample-2": file-name order would give it the id.
        let copy = try String(contentsOf: dir.appendingPathComponent("sample-2.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "\ntitle: \"", with: "\ntitle: \"Impostor ")
        try copy.write(to: dir.appendingPathComponent("a-copy.yaml"), atomically: true, encoding: .utf8)
        let e = try engine(out)
        let (sources, _) = Library.readSources(paths: [dir.path])
        let lib = Library.load(sources: sources, known: e.unchangedSources(sources), owners: e.sourceOwners)
        #expect(lib.failedFiles.map { ($0 as NSString).lastPathComponent } == ["a-copy.yaml"])
        #expect(lib.diagnostics.contains { $0.file.hasSuffix("a-copy.yaml") && $0.message.contains("sample-2.yaml already uses it") })
        _ = e.run(lib.summaries, collectionLibrary: lib.inCategoryOrder, unchanged: lib.unchanged, invalidSources: lib.failedFiles, keep: lib.disputedIDs)
        #expect(try Data(contentsOf: out.appendingPathComponent("test/one/sample-2.txt")) == owned)

        // No history: the manifest is gone, so neither file owns the id.
        try FileManager.default.removeItem(at: out.appendingPathComponent(Manifest.fileName))
        let fresh = Library.load(sources: sources, owners: [:])
        #expect(Set(fresh.failedFiles.map { ($0 as NSString).lastPathComponent }) == ["a-copy.yaml", "sample-2.yaml"])
        #expect(fresh.disputedIDs == ["sample-2"])
        _ = try engine(out).run(fresh.summaries, collectionLibrary: fresh.inCategoryOrder, invalidSources: fresh.failedFiles, keep: fresh.disputedIDs)
        #expect(try Data(contentsOf: out.appendingPathComponent("test/one/sample-2.txt")) == owned)
    }

    @Test func reservedIdsAreRefusedWhereTheyAreWritten() throws {
        let dir = try samples(1)
        let file = dir.appendingPathComponent("sample-1.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "\nid: \"sample-1\"\n", with: "\nid: \"collection\"\n").write(to: file, atomically: true, encoding: .utf8)
        let lib = Library.load(paths: [dir.path])
        let line = text.components(separatedBy: "\n").firstIndex(of: "id: \"sample-1\"")! + 1
        #expect(lib.summaries.isEmpty)
        #expect(lib.diagnostics.contains { $0.line == line && $0.column == 5 && $0.field == "id" && $0.message.contains("reserved") },
                "\(lib.diagnostics)")
    }

    /// The reserved list is complete: every registered format's collection outputs are named by a reserved id.
    @Test func everyCollectionOutputNameIsReserved() throws {
        let library = [try TestSupport.patina()]
        for type in ExporterRegistry.all {
            for f in try type.init(context: context).renderCollection(library, worker: WorkerCache()) {
                let stem = ((f.path as NSString).lastPathComponent as NSString).deletingPathExtension
                #expect(Slug.reservedSummaryIDs.contains(stem), "\(f.path)")
            }
        }
        #expect(Slug.reservedSummaryIDs.contains((Manifest.fileName as NSString).deletingPathExtension))
    }

    /// SIGINT lands while a job is certainly in progress (the exporter blocks until the handler has run): the
    /// run stops taking jobs, and the manifest lists exactly the outputs that completed. The signal waits until
    /// the collection, rendered first, is on disk: commits run on threads that never preempt the worker, so
    /// without that wait the interrupt could come before any commit and leave nothing to list.
    @Test func anInterruptedRunWritesTheManifestOfWhatCompleted() throws {
        let dir = try samples(12), out = try TestSupport.temporaryFolder()
        let writer = AtomicWriter()
        InterruptHandler.install(cleaning: writer)
        let blocker = BlockingExporter(blockOn: "sample-5", writer: writer, after: out.appendingPathComponent("test/index.txt"))
        let signaller = Thread {
            blocker.reached.wait()
            kill(getpid(), SIGINT)
        }
        signaller.start()
        let lib = Library.load(paths: [dir.path])
        let report = try engine(out, exporter: blocker, writer: writer, jobs: 1).run(lib.summaries, collectionLibrary: lib.inCategoryOrder)
        #expect(report.interrupted)
        #expect(blocker.sawInterrupt)
        let manifest = try #require(Manifest.load(from: out))
        let onDisk = Set((FileManager.default.enumerator(atPath: out.path)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".txt") })
        #expect(Set(manifest.files.keys) == onDisk)
        #expect(!onDisk.isEmpty && !onDisk.contains("test/one/sample-5.txt"))
        #expect(onDisk.contains("test/index.txt"))
        for (path, entry) in manifest.files {
            #expect(Hashing.sha256(try Data(contentsOf: out.appendingPathComponent(path))) == entry.sha256)
        }
        // The next run does only what is missing.
        let rest = try engine(out).run(lib.summaries, collectionLibrary: lib.inCategoryOrder)
        #expect(rest.skipped == manifest.files.count)
        #expect(rest.exported == 12 * 2 - 2 + 1 - manifest.files.count)   // sample-3 fails on purpose
    }

    // MARK: issue 17 §1

    @Test func aCodeChangeRebuildsEverything() throws {
        let dir = try samples(3), out = try TestSupport.temporaryFolder()
        let first = run(dir, try engine(out, code: "build-1"))
        #expect(run(dir, try engine(out, code: "build-1")).exported == 0)
        let rebuilt = run(dir, try engine(out, code: "build-2"))
        #expect(rebuilt.exported == first.exported, "\(rebuilt.summaryLine)")
    }

    /// The loadable segments as `readelf` lists them, hashed here independently of `ElfSegments`.
    @Test func theCodeFingerprintIsTheHashOfTheExecutablesLoadedSegments() throws {
        let path = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")   // not readelf's own
        let exe = try Data(contentsOf: URL(fileURLWithPath: path))
        let listing = try TestSupport.run("readelf", ["-lW", path]).stdout
        var loaded = Data()
        for line in listing.split(separator: "\n") where line.split(separator: " ").first == "LOAD" {
            let f = line.split(separator: " ")
            let offset = Int(f[1].dropFirst(2), radix: 16)!, size = Int(f[4].dropFirst(2), radix: 16)!
            loaded += exe[offset..<(offset + size)]
        }
        #expect(!loaded.isEmpty && loaded.count < exe.count)
        #expect(CodeFingerprint.current == "elf-load:" + Hashing.sha256(loaded))
    }

    /// A changed byte of code changes the fingerprint; bytes outside the loaded segments (debug information,
    /// here appended) do not; a file that is not ELF is hashed whole.
    @Test func theFingerprintFollowsTheCodeNotTheDebugInformation() throws {
        let dir = try TestSupport.temporaryFolder()
        var exe = try Data(contentsOf: URL(fileURLWithPath: "/proc/self/exe"))
        let original = dir.appendingPathComponent("exe"), appended = dir.appendingPathComponent("appended"),
            patched = dir.appendingPathComponent("patched"), text = dir.appendingPathComponent("text")
        try exe.write(to: original)
        try (exe + Data("debug".utf8)).write(to: appended)
        exe[0x2000] ^= 0xFF     // past the ELF and program headers, inside the first loaded segment
        try exe.write(to: patched)
        try Data("not an executable".utf8).write(to: text)
        let base = try #require(CodeFingerprint.of(executableAt: original))
        #expect(CodeFingerprint.of(executableAt: appended) == base)
        #expect(CodeFingerprint.of(executableAt: patched) != base)
        #expect(CodeFingerprint.of(executableAt: text) == Hashing.sha256(Data("not an executable".utf8)))
        #expect(CodeFingerprint.of(executableAt: dir.appendingPathComponent("missing")) == nil)
    }

    @Test func forceRebuildsAndStillPrunes() throws {
        let dir = try samples(6), out = try TestSupport.temporaryFolder()
        run(dir, try engine(out))
        try FileManager.default.removeItem(at: dir.appendingPathComponent("sample-5.yaml"))
        let forced = run(dir, try engine(out, force: true))
        #expect(forced.skipped == 0)
        #expect(!exists(out, "test/one/sample-5.txt") && !exists(out, "test/two/sample-5.txt"))
        #expect(try #require(Manifest.load(from: out)).files.values.allSatisfy { $0.summaryID != "sample-5" })
    }

    @Test func anUnreadableManifestIsReportedAndTheOutputTreeIsScanned() throws {
        let dir = try samples(6), out = try TestSupport.temporaryFolder()
        run(dir, try engine(out))
        try Data("{ not json".utf8).write(to: out.appendingPathComponent(Manifest.fileName))
        try FileManager.default.removeItem(at: dir.appendingPathComponent("sample-5.yaml"))
        let mine = out.appendingPathComponent("test/one/Notes.md")
        try Data("not an output".utf8).write(to: mine)
        let e = try engine(out)
        #expect(e.warnings.count == 1 && e.warnings[0].contains("manifest.json: warning: the manifest cannot be used (invalid JSON"), "\(e.warnings)")
        let report = run(dir, e)
        #expect(report.pruned == ["test/one/sample-5.txt", "test/two/sample-5.txt"])
        #expect(!exists(out, "test/one/sample-5.txt") && exists(out, "test/one/sample-6.txt") && exists(out, "test/one/Notes.md"))
    }

    /// Configuration a format does not read leaves its outputs alone (and the one that reads it rebuilds).
    @Test func aJobHashesOnlyTheConfigurationItsFormatReads() throws {
        let dir = try samples(2), out = try TestSupport.temporaryFolder()
        func digestAndJSONLD(_ settings: Settings, _ options: ExportOptions = ExportOptions()) throws -> BatchEngine {
            var c = context
            c.settings = settings
            c.options = options
            let exporters = try ["digest", "jsonld"].map { try ExporterRegistry.named($0)!.init(context: c) }
            return BatchEngine(exporters: exporters, context: c, options: BatchOptions(outputFolder: out, jobs: 2, quiet: true), codeFingerprint: "x")
        }
        let first = run(dir, try digestAndJSONLD(.defaults))
        var s = Settings.defaults
        s[section: NewsletterSettings.self].subject = "Another subject"
        s[section: PDFSettings.self].layouts = ["letter"]
        let second = run(dir, try digestAndJSONLD(s, ExportOptions(variants: ["a4"])))
        #expect(second.exported == 1, "only digest.eml reads the subject: \(second.summaryLine)")
        #expect(second.skipped == first.exported - 1)
    }

    /// A collection whose outputs are missing from the manifest (its job failed last time) is not "current"
    /// because the summaries are.
    @Test func collectionsAreCurrentOnlyWhenTheirOutputsAre() throws {
        let dir = try samples(4), out = try TestSupport.temporaryFolder()
        run(dir, try engine(out))
        var m = try #require(Manifest.load(from: out))
        m.files["test/index.txt"] = nil
        try m.encoded().write(to: out.appendingPathComponent(Manifest.fileName))
        try FileManager.default.removeItem(at: out.appendingPathComponent("test/index.txt"))
        // A caller that leaves sources unparsed when the collection is not current gets a failure, not a skip.
        let lib = Library.load(paths: [dir.path])
        let partial = try engine(out, prune: false).run(Array(lib.summaries.dropFirst()), unchanged: [lib.summaries[0].sourcePath: lib.summaries[0].id])
        #expect(partial.failures.contains { $0.contains("collection cannot be built") }, "\(partial.failures)")
        #expect(!exists(out, "test/index.txt"))
        let again = run(dir, try engine(out))
        #expect(again.exported == 1, "\(again.summaryLine)")
        #expect(exists(out, "test/index.txt"))
    }
}

/// Renders like `TestExporter`, but the job for one summary blocks until the writer has been interrupted.
final class BlockingExporter: Exporter, @unchecked Sendable {
    static let info = TestExporter.info
    let inner: TestExporter
    let blockOn: String
    let writer: AtomicWriter
    /// A file that must have landed before the blocking job signals.
    let landed: URL?
    let reached = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var interruptSeen = false
    var sawInterrupt: Bool { lock.withLock { interruptSeen } }

    init(blockOn: String, writer: AtomicWriter, after landed: URL? = nil) {
        inner = try! TestExporter(context: TestSupport.context())
        self.blockOn = blockOn
        self.writer = writer
        self.landed = landed
    }
    required init(context: ExportContext) throws { fatalError("built by the test") }

    var variants: [String] { inner.variants }
    func configurationFingerprint(collection: Bool) -> [UInt8] { [] }

    func render(_ item: LoadedSummary, variant: String, worker: WorkerCache) throws -> [OutputFile] {
        if item.id == blockOn && variant == "one" {
            let deadline = Date().addingTimeInterval(60)
            while let landed, !FileManager.default.fileExists(atPath: landed.path), Date() < deadline { usleep(5_000) }
            reached.signal()
            while !writer.isInterrupted && Date() < deadline { usleep(5_000) }
            lock.withLock { interruptSeen = writer.isInterrupted }
        }
        return try inner.render(item, variant: variant, worker: worker)
    }

    func renderCollection(_ library: [LoadedSummary], worker: WorkerCache) throws -> [OutputFile] {
        try inner.renderCollection(library, worker: worker)
    }
}
