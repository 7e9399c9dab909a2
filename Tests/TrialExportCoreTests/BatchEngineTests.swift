import ExportKit
import Foundation
import Testing
import TestSupport
@testable import TrialExportCore
import TrialModel

@Suite struct BatchEngineTests {
    /// A library of `count` sample summaries written to a temporary folder and loaded back.
    func library(count: Int) throws -> (Library, URL) {
        let dir = try TestSupport.temporaryFolder()
        let failures = SampleWriter.write(count: count, generator: SampleGenerator(seed: 3), writer: AtomicWriter(), folder: dir)
        #expect(failures.isEmpty)
        return (Library.load(paths: [dir.path]), dir)
    }

    func engine(_ out: URL, force: Bool = false, jobs: Int = 2) throws -> BatchEngine {
        let context = TestSupport.context()
        return BatchEngine(exporters: [try TestExporter(context: context)], context: context,
                           options: BatchOptions(outputFolder: out, jobs: jobs, force: force, quiet: true))
    }

    @Test func exportsInParallelAndAFailureDoesNotStopTheRest() throws {
        let (lib, _) = try library(count: 40)
        let out = try TestSupport.temporaryFolder()
        let rendezvous = WorkerRendezvous(parties: 4)
        let context = TestSupport.context()
        let engine = BatchEngine(exporters: [TestExporter(rendezvous: rendezvous)], context: context,
                                 options: BatchOptions(outputFolder: out, jobs: 4, quiet: true))
        let report = engine.run(lib.summaries)
        #expect(report.failed == 2)                 // sample-3 in both variants
        #expect(report.exported == 78 + 1)          // 39 summaries × 2 variants + the collection
        #expect(report.failures.allSatisfy { $0.contains("sample-3") && $0.contains("boom") })
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("test/two/sample-40.txt").path))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("test/one/sample-3.txt").path))
        #expect(rendezvous.workers == 4)
    }

    @Test func manifestHashesMatchTheFiles() throws {
        let (lib, _) = try library(count: 5)
        let out = try TestSupport.temporaryFolder()
        _ = try engine(out).run(lib.summaries)
        let manifest = try #require(Manifest.load(from: out))
        #expect(manifest.files.count == 4 * 2 + 1)
        for (path, entry) in manifest.files {
            let data = try Data(contentsOf: out.appendingPathComponent(path))
            #expect(Hashing.sha256(data) == entry.sha256)
            #expect(data.count == entry.size)
            #expect(entry.format == "test")
        }
    }

    @Test func secondRunSkipsEverythingUnchanged() throws {
        let (lib, dir) = try library(count: 200)
        let out = try TestSupport.temporaryFolder()
        let first = try engine(out).run(lib.summaries)
        #expect(first.exported > 0)
        let second = try engine(out).run(lib.summaries)
        #expect(second.exported == 0)
        #expect(second.skipped == first.exported)
        // A changed source, a damaged output and --force each trigger rebuilds.
        let source = dir.appendingPathComponent("sample-7.yaml")
        try (String(contentsOf: source, encoding: .utf8).replacingOccurrences(of: "version: 1", with: "version: 2")).write(to: source, atomically: true, encoding: .utf8)
        try Data("x".utf8).write(to: out.appendingPathComponent("test/one/sample-9.txt"))
        let third = try engine(out).run(Library.load(paths: [dir.path]).summaries)
        #expect(third.exported == 2 + 1 + 1)        // sample-7 × 2 variants, sample-9/one, the collection
        let forced = try engine(out, force: true).run(lib.summaries)
        #expect(forced.skipped == 0)
    }

    @Test func outputIsDeterministic() throws {
        let (lib, _) = try library(count: 10)
        let a = try TestSupport.temporaryFolder(), b = try TestSupport.temporaryFolder()
        _ = try engine(a, jobs: 1).run(lib.summaries)
        _ = try engine(b, jobs: 4).run(lib.summaries)
        for name in ["manifest.json", "test/index.txt", "test/one/sample-1.txt"] {
            #expect(try Data(contentsOf: a.appendingPathComponent(name)) == Data(contentsOf: b.appendingPathComponent(name)))
        }
    }

    @Test func atomicWriterLeavesNoTemporaryFiles() throws {
        let dir = try TestSupport.temporaryFolder()
        let writer = AtomicWriter()
        let target = dir.appendingPathComponent("sub/file.txt")
        try writer.write(Data("old".utf8), to: target)
        try writer.write(Data("new".utf8), to: target)
        #expect(try String(contentsOf: target, encoding: .utf8) == "new")
        writer.interruptAndDrain()
        #expect(throws: AtomicWriter.Interrupted.self) { try writer.write(Data("late".utf8), to: target) }
        #expect(try String(contentsOf: target, encoding: .utf8) == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.deletingLastPathComponent().path) == ["file.txt"])
    }

    /// A streamed output that fails half-way leaves the previous file as it was and no temporary file.
    @Test func failedStreamKeepsThePreviousFile() throws {
        let dir = try TestSupport.temporaryFolder()
        let writer = AtomicWriter()
        let target = dir.appendingPathComponent("big.bin")
        try writer.write(Data("old".utf8), to: target)
        struct Broken: Error {}
        #expect(throws: Broken.self) {
            try writer.write(to: target) { temp in
                try Data(repeating: 1, count: 1 << 16).write(to: temp)
                throw Broken()
            }
        }
        #expect(try String(contentsOf: target, encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["big.bin"])
    }

    @Test func refusesPathsOutsideTheOutputFolder() {
        #expect(!BatchEngine.isSafeRelativePath("../x"))
        #expect(!BatchEngine.isSafeRelativePath("/etc/passwd"))
        #expect(!BatchEngine.isSafeRelativePath("manifest.json"))
        #expect(BatchEngine.isSafeRelativePath("pdf/a4/x.pdf"))
    }
}

@Suite struct IncrementalLoadTests {
    @Test func unchangedSourcesAreNotParsedAgain() throws {
        let dir = try TestSupport.temporaryFolder()
        _ = SampleWriter.write(count: 20, generator: SampleGenerator(seed: 4), writer: AtomicWriter(), folder: dir)
        let out = try TestSupport.temporaryFolder()
        let context = TestSupport.context()
        func engine() throws -> BatchEngine {
            BatchEngine(exporters: [try TestExporter(context: context)], context: context,
                        options: BatchOptions(outputFolder: out, jobs: 2, quiet: true))
        }
        let lib = Library.load(paths: [dir.path])
        _ = try engine().run(lib.summaries)

        let (sources, _) = Library.readSources(paths: [dir.path])
        let e = try engine()
        // sample-3 fails to render, so it has no outputs and is never "unchanged".
        let known = e.unchangedSources(sources)
        #expect(known.count == 19)
        let partial = Library.load(sources: sources, known: known)
        #expect(partial.summaries.map(\.id) == ["sample-3"])
        let report = e.run(partial.summaries, collectionLibrary: partial.inCategoryOrder, unchanged: partial.unchanged)
        #expect(report.exported == 0)
        #expect(report.skipped == 19 * 2 + 1)
        #expect(report.failed == 2)

        // Editing one source makes it, and the collection, need a real load.
        let edited = dir.appendingPathComponent("sample-5.yaml")
        try (String(contentsOf: edited, encoding: .utf8) + "\n# edited\n").write(to: edited, atomically: true, encoding: .utf8)
        #expect(try engine().unchangedSources(Library.readSources(paths: [dir.path]).0).isEmpty)
    }

    @Test func duplicateIdAmongUnchangedAndParsedIsReported() throws {
        let dir = try TestSupport.temporaryFolder()
        _ = SampleWriter.write(count: 2, generator: SampleGenerator(seed: 4), writer: AtomicWriter(), folder: dir)
        try FileManager.default.copyItem(at: dir.appendingPathComponent("sample-1.yaml"), to: dir.appendingPathComponent("z-copy.yaml"))
        let (sources, _) = Library.readSources(paths: [dir.path])
        let lib = Library.load(sources: sources, known: [sources[0].path: "sample-1"])
        #expect(lib.diagnostics.contains { $0.file.hasSuffix("z-copy.yaml") && $0.message.contains("duplicate id 'sample-1'") })
    }
}

@Suite struct PruneTests {
    @Test func outputsOfRemovedSummariesGoAndInvalidOnesStay() throws {
        let dir = try TestSupport.temporaryFolder()
        _ = SampleWriter.write(count: 6, generator: SampleGenerator(seed: 8), writer: AtomicWriter(), folder: dir)
        let out = try TestSupport.temporaryFolder()
        let context = TestSupport.context()
        func run() throws -> BatchReport {
            let lib = Library.load(paths: [dir.path])
            let engine = BatchEngine(exporters: [try TestExporter(context: context)], context: context,
                                     options: BatchOptions(outputFolder: out, jobs: 2, quiet: true, pruneRemoved: true))
            return engine.run(lib.summaries, collectionLibrary: lib.inCategoryOrder, invalidSources: lib.failedFiles)
        }
        _ = try run()
        let file = { (id: String) in out.appendingPathComponent("test/one/\(id).txt").path }
        #expect(FileManager.default.fileExists(atPath: file("sample-5")) && FileManager.default.fileExists(atPath: file("sample-6")))

        try FileManager.default.removeItem(at: dir.appendingPathComponent("sample-5.yaml"))
        try Data("id: [broken".utf8).write(to: dir.appendingPathComponent("sample-6.yaml"))
        let report = try run()
        #expect(report.failed == 2)   // sample-3 fails on purpose in both variants
        #expect(!FileManager.default.fileExists(atPath: file("sample-5")))
        #expect(FileManager.default.fileExists(atPath: file("sample-6")))
        let manifest = try #require(Manifest.load(from: out))
        #expect(!manifest.files.values.contains { $0.summaryID == "sample-5" })
        #expect(manifest.files.values.contains { $0.summaryID == "sample-6" })
    }
}
