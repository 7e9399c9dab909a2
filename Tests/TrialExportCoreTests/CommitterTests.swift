import ExportKit
import Foundation
import Testing
import TestSupport
@testable import TrialExportCore
import TrialModel

/// The batch engine's workers stage files and a `Committer` makes them durable and puts them in place
/// (issue 18, sixth round). Concurrency is shown by rendezvous: a held commit waits for something only the
/// workers or the queue can do, with a deadline that fails a serial engine instead of hanging it.
@Suite struct CommitterTests {
    let context = TestSupport.context()

    func library(_ count: Int) throws -> [LoadedSummary] {
        let dir = try TestSupport.temporaryFolder()
        #expect(SampleWriter.write(count: count, generator: SampleGenerator(seed: 5), writer: AtomicWriter(), folder: dir).isEmpty)
        return Library.load(paths: [dir.path]).summaries
    }

    func engine(_ out: URL, writer: AtomicWriter, exporter: (any Exporter)? = nil, jobs: Int = 2) throws -> BatchEngine {
        BatchEngine(exporters: [try exporter ?? TestExporter(context: context)], context: context,
                    options: BatchOptions(outputFolder: out, jobs: jobs, quiet: true), writer: writer)
    }

    func run(_ engine: BatchEngine, _ summaries: [LoadedSummary], committer: Committer) -> BatchReport {
        engine.run(summaries, collectionLibrary: nil, unchanged: [:], invalidSources: [], keep: [], workers: nil, committer: committer)
    }

    /// Every file under `out` but the manifest and the lock, relative.
    func files(_ out: URL) -> Set<String> {
        Set((FileManager.default.enumerator(atPath: out.path)?.compactMap { $0 as? String } ?? []).filter {
            var isDir: ObjCBool = false
            FileManager.default.fileExists(atPath: out.appendingPathComponent($0).path, isDirectory: &isDir)
            return !isDir.boolValue && $0 != Manifest.fileName && !$0.hasPrefix(".trialexport")
        })
    }

    /// The first fsync is held until a job is rendered after it began. With one worker that is only possible if
    /// the worker does not wait for the disk itself. Every render after the first waits at a gate the fsync opens,
    /// so the fsync reads its mark while the worker cannot be ahead of it: the dequeue frees a slot, and a worker
    /// free to fill it could render once more before the mark and then find the queue full (the CI failure of
    /// round 11).
    @Test func theWorkerRendersWhileACommitWaitsForTheDisk() throws {
        let summaries = try library(6)
        let out = try TestSupport.temporaryFolder()
        let renders = RenderCounter(), gate = Gate()
        let first = Once(), overlapped = Flag()
        let writer = AtomicWriter(sync: { fd in
            if first.take() {
                let mark = renders.value
                gate.open()
                overlapped.set(renders.waitBeyond(mark))
            }
            return fsync(fd)
        })
        let e = try engine(out, writer: writer, exporter: CountingExporter(renders, gate: gate), jobs: 1)
        let report = run(e, summaries, committer: Committer(writer: writer, threads: 1, capacity: 4))
        #expect(overlapped.value, "the commit held the worker")
        #expect(report.exported == 5 * 2 + 1 && report.failed == 2)
        #expect(Set(try #require(Manifest.load(from: out)).files.keys) == files(out))
    }

    /// A committer's wake-up must not preempt a rendering worker: its threads run under SCHED_BATCH (3), which
    /// the kernel never lets preempt on wake-up. The policy is read on the thread that commits.
    @Test func committerThreadsDoNotPreemptWorkers() throws {
        let policy = Policy()
        let writer = AtomicWriter(sync: { fd in
            policy.record(sched_getscheduler(0))
            return fsync(fd)
        })
        let out = try TestSupport.temporaryFolder()
        let staged = try writer.stage(Data("x".utf8), for: out.appendingPathComponent("a.txt"))
        let committer = Committer(writer: writer, threads: 2, capacity: 2)
        committer.submit([staged]) { error in #expect(error == nil) }
        committer.finish()
        #expect(policy.seen == [3])
        #expect(sched_getscheduler(0) == 0, "the submitting thread keeps the default policy")
    }

    /// With the disk held, the worker fills the queue and then waits: the queue never grows past its capacity.
    @Test func aFullQueueHoldsTheWorkers() throws {
        let summaries = try library(20)
        let out = try TestSupport.temporaryFolder()
        let full = DispatchSemaphore(value: 0)
        let first = Once(), sawFull = Flag()
        let writer = AtomicWriter(sync: { fd in
            if first.take() { sawFull.set(full.wait(timeout: .now() + 10) == .success) }
            return fsync(fd)
        })
        let committer = Committer(writer: writer, threads: 1, capacity: 2, whenFull: { full.signal() })
        let report = run(try engine(out, writer: writer), summaries, committer: committer)
        #expect(sawFull.value)
        #expect(committer.peakQueueLength <= 2)
        #expect(report.exported == 19 * 2 + 1)
        #expect(Set(try #require(Manifest.load(from: out)).files.keys) == files(out))
    }

    /// An output that cannot be renamed onto (a folder stands at its path) fails exactly its job, after rendering:
    /// the message names the file and the reason, no temporary remains, and the manifest does not list it.
    @Test func aFailedRenameFailsOnlyItsJob() throws {
        let summaries = try library(6)
        let out = try TestSupport.temporaryFolder()
        let blocked = out.appendingPathComponent("test/one/sample-2.txt")
        try FileManager.default.createDirectory(at: blocked.appendingPathComponent("in-the-way"), withIntermediateDirectories: true)
        let report = try engine(out, writer: AtomicWriter()).run(summaries)
        #expect(report.failed == 2 + 1)                 // sample-3 fails on purpose in both variants
        #expect(report.exported == 5 * 2 - 1 + 1)
        let failure = try #require(report.failures.first { $0.contains("sample-2") })
        #expect(failure.contains(blocked.path) && failure.contains("cannot move the new file into place"), "\(failure)")
        let manifest = try #require(Manifest.load(from: out))
        #expect(manifest.files["test/one/sample-2.txt"] == nil && manifest.files["test/two/sample-2.txt"] != nil)
        #expect(!files(out).contains { $0.hasSuffix(".tmp") }, "\(files(out).sorted())")
        #expect(Set(manifest.files.keys) == files(out).subtracting(["test/one/sample-2.txt/in-the-way"]))
    }

    /// An fsync that fails (the disk reports an I/O error) fails that job alone, and its file never lands.
    @Test func aFailedFsyncFailsOnlyItsJob() throws {
        let summaries = try library(6)
        let out = try TestSupport.temporaryFolder()
        let first = Once()
        let writer = AtomicWriter(sync: { fd in
            if first.take() { errno = EIO; return -1 }
            return fsync(fd)
        })
        let report = try engine(out, writer: writer).run(summaries)
        #expect(report.failed == 2 + 1)
        let failure = try #require(report.failures.first { $0.contains(String(cString: strerror(EIO))) })
        #expect(failure.contains(out.path + "/test/"), "\(failure)")
        let manifest = try #require(Manifest.load(from: out))
        #expect(manifest.files.count == 5 * 2 + 1 - 1)
        #expect(Set(manifest.files.keys) == files(out), "a failed file landed, or a temporary remained")
    }

    /// An interrupt while jobs wait in the queue: those are discarded (no temporary stays), the commit under way
    /// lands, and the manifest lists exactly the files on disk.
    @Test func anInterruptDiscardsQueuedCommits() throws {
        let summaries = try library(20)
        let out = try TestSupport.temporaryFolder()
        let full = DispatchSemaphore(value: 0)
        let first = Once()
        let box = WriterBox()
        let writer = AtomicWriter(sync: { fd in
            if first.take() {
                _ = full.wait(timeout: .now() + 10)
                box.writer?.interrupt()
            }
            return fsync(fd)
        })
        box.writer = writer
        let committer = Committer(writer: writer, threads: 1, capacity: 2, whenFull: { full.signal() })
        let report = run(try engine(out, writer: writer), summaries, committer: committer)
        #expect(report.interrupted)
        let onDisk = files(out)
        #expect(!onDisk.isEmpty && !onDisk.contains { $0.hasSuffix(".tmp") }, "\(onDisk.sorted())")
        #expect(Set(try #require(Manifest.load(from: out)).files.keys) == onDisk)
        #expect(onDisk.count < 19 * 2 + 1)
    }
}

/// Counts renders; a thread can wait until the count passes a mark.
final class RenderCounter: @unchecked Sendable {
    private let condition = NSCondition()
    private var count = 0

    func rendered() {
        condition.lock()
        count += 1
        condition.broadcast()
        condition.unlock()
    }

    var value: Int { condition.lock(); defer { condition.unlock() }; return count }

    /// Whether more than `mark` renders happened within 10 s (a serial engine fails here instead of hanging).
    func waitBeyond(_ mark: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        return condition.wait(seconds: 10) { count > mark }
    }
}

/// `TestExporter`, counting every render.
final class CountingExporter: Exporter, @unchecked Sendable {
    static let info = TestExporter.info
    let inner = try! TestExporter(context: TestSupport.context())
    let counter: RenderCounter
    /// Renders after the first pass it once it is open.
    let gate: Gate?
    init(_ counter: RenderCounter, gate: Gate? = nil) { self.counter = counter; self.gate = gate }
    required init(context: ExportContext) throws { fatalError("built by the test") }

    var variants: [String] { inner.variants }
    func configurationFingerprint(collection: Bool) -> [UInt8] { [] }

    func render(_ item: LoadedSummary, variant: String, worker: WorkerCache) throws -> [OutputFile] {
        if let gate, counter.value > 0 { gate.pass() }
        counter.rendered()
        return try inner.render(item, variant: variant, worker: worker)
    }

    func renderCollection(_ library: [LoadedSummary], worker: WorkerCache) throws -> [OutputFile] {
        counter.rendered()
        return try inner.renderCollection(library, worker: worker)
    }
}

/// Closed until opened once; `pass` waits for that, at most 10 s, so a serial engine fails instead of hanging.
final class Gate: @unchecked Sendable {
    private let condition = NSCondition()
    private var isOpen = false
    func open() { condition.lock(); isOpen = true; condition.broadcast(); condition.unlock() }
    func pass() {
        condition.lock()
        defer { condition.unlock() }
        condition.wait(seconds: 10) { isOpen }
    }
}

/// The scheduling policies seen by a sync hook.
final class Policy: @unchecked Sendable {
    private let lock = NSLock()
    private var policies: [Int32] = []
    func record(_ p: Int32) { lock.withLock { policies.append(p) } }
    var seen: [Int32] { lock.withLock { policies } }
}

/// True for the first caller only.
final class Once: @unchecked Sendable {
    private let lock = NSLock()
    private var taken = false
    func take() -> Bool { lock.withLock { defer { taken = true }; return !taken } }
}

final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var set_ = false
    func set(_ v: Bool) { lock.withLock { set_ = v } }
    var value: Bool { lock.withLock { set_ } }
}

/// Lets a writer's sync hook reach the writer it belongs to.
final class WriterBox: @unchecked Sendable {
    private let lock = NSLock()
    private var w: AtomicWriter?
    var writer: AtomicWriter? {
        get { lock.withLock { w } }
        set { lock.withLock { w = newValue } }
    }
}
