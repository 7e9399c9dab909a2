import ExportKit
import Foundation
import TrialModel

/// Runs export jobs (summary × format × variant, plus each format's collection) on all cores,
/// writes outputs atomically, skips unchanged work and records everything in `manifest.json`.
public final class BatchEngine: Sendable {
    let exporters: [any Exporter]
    let context: ExportContext
    let options: BatchOptions
    let writer: AtomicWriter

    public init(exporters: [any Exporter], context: ExportContext, options: BatchOptions, writer: AtomicWriter = AtomicWriter()) {
        self.exporters = exporters
        self.context = context
        self.options = options
        self.writer = writer
    }

    /// Exports `summaries`; collection outputs are built from `collectionLibrary` (defaults to the same summaries).
    public func run(_ summaries: [LoadedSummary], collectionLibrary: [LoadedSummary]? = nil) -> BatchReport {
        let old = options.force ? nil : Manifest.load(from: options.outputFolder)
        let jobs = makeJobs(summaries, collectionLibrary: collectionLibrary ?? summaries)
        let progress = Progress(total: jobs.count, quiet: options.quiet)
        let queue = JobQueue(jobs)
        let results = ResultCollector()
        DispatchQueue.concurrentPerform(iterations: min(options.jobs, max(1, jobs.count))) { _ in
            let cache = WorkerCache()
            while let job = queue.next() {
                let r = perform(job, cache: cache, old: old)
                progress.finished(job.label, outcome: r.outcomeWord)
                results.add(r)
            }
        }
        progress.end()
        return finish(results.all, old: old)
    }

    private func makeJobs(_ summaries: [LoadedSummary], collectionLibrary: [LoadedSummary]) -> [BatchJob] {
        let settingsBytes = Array((try? Self.canonicalJSON(context.settings)) ?? Data())
        let optionBytes = Array(String(describing: context.options).utf8)
        let tool = Array(TrialExportVersion.current.utf8)
        var jobs: [BatchJob] = []
        // Collections first: they are the longest jobs, so starting them early shortens the run.
        if options.collections {
            let sources = collectionLibrary.map { Array(Hashing.sha256($0.sourceBytes).utf8) }
            for e in exporters {
                let f = type(of: e).info.name
                let hash = Hashing.sha256(parts: [tool, Array(f.utf8), Array("collection".utf8), settingsBytes, optionBytes,
                                                  e.fingerprint(variant: "")] + sources)
                jobs.append(BatchJob(exporter: e, format: f, variant: "", kind: .collection(collectionLibrary), inputHash: hash))
            }
        }
        if options.summaries {
            for e in exporters {
                let f = type(of: e).info.name
                for v in e.variants {
                    let fingerprint = e.fingerprint(variant: v)
                    for s in summaries {
                        let hash = Hashing.sha256(parts: [tool, Array(f.utf8), Array(v.utf8), settingsBytes, optionBytes,
                                                          fingerprint, s.sourceBytes])
                        jobs.append(BatchJob(exporter: e, format: f, variant: v, kind: .summary(s), inputHash: hash))
                    }
                }
            }
        }
        return jobs
    }

    struct JobResult: Sendable {
        enum Outcome: Sendable { case exported, skipped, failed(String) }
        var job: BatchJob
        var outcome: Outcome
        var entries: [String: Manifest.Entry]

        var outcomeWord: String {
            switch outcome {
            case .exported: "exported"
            case .skipped: "unchanged"
            case .failed: "FAILED"
            }
        }
    }

    private func perform(_ job: BatchJob, cache: WorkerCache, old: Manifest?) -> JobResult {
        if let old, let paths = old.outputs(format: job.format, variant: job.variant, summaryID: job.summaryID, inputHash: job.inputHash),
           paths.allSatisfy({ intact($0, old.files[$0]!) }) {
            return JobResult(job: job, outcome: .skipped, entries: old.files.filter { paths.contains($0.key) })
        }
        do {
            let files: [OutputFile]
            switch job.kind {
            case .summary(let s): files = try job.exporter.render(s, variant: job.variant, worker: cache)
            case .collection(let lib): files = try job.exporter.renderCollection(lib, worker: cache)
            }
            var entries: [String: Manifest.Entry] = [:]
            for file in files {
                guard Self.isSafeRelativePath(file.path) else {
                    throw ExportError.render(summaryID: job.summaryID, format: job.format, message: "refused output path '\(file.path)'")
                }
                try writer.write(file.data, to: options.outputFolder.appendingPathComponent(file.path))
                entries[file.path] = Manifest.Entry(sha256: Hashing.sha256(file.data), size: file.data.count, format: job.format,
                                                    summaryID: job.summaryID, variant: job.variant, inputHash: job.inputHash)
            }
            return JobResult(job: job, outcome: .exported, entries: entries)
        } catch {
            let what = job.summaryID.isEmpty ? "collection" : "'\(job.summaryID)'"
            let source: String
            if case .summary(let s) = job.kind { source = "\(s.sourcePath): " } else { source = "" }
            return JobResult(job: job, outcome: .failed("\(source)error: \(job.format)\(job.variant.isEmpty ? "" : "/\(job.variant)") export of \(what) failed: \(error)"), entries: [:])
        }
    }

    private func intact(_ path: String, _ entry: Manifest.Entry) -> Bool {
        let attrs = try? FileManager.default.attributesOfItem(atPath: options.outputFolder.appendingPathComponent(path).path)
        return (attrs?[.size] as? NSNumber)?.intValue == entry.size
    }

    private func finish(_ results: [JobResult], old: Manifest?) -> BatchReport {
        var manifest = Manifest(tool: TrialExportVersion.current, files: old?.files ?? [:])
        var report = BatchReport()
        for r in results.sorted(by: { $0.job.label < $1.job.label }) {
            switch r.outcome {
            case .exported where r.entries.isEmpty: break   // a format with no collection output
            case .exported: report.exported += 1
            case .skipped: report.skipped += 1
            case .failed(let m): report.failed += 1; report.failures.append(m)
            }
            if case .failed = r.outcome { continue }
            // A job's earlier outputs are replaced by what it produced now.
            manifest.files = manifest.files.filter { !($0.value.format == r.job.format && $0.value.variant == r.job.variant && $0.value.summaryID == r.job.summaryID) }
            manifest.files.merge(r.entries) { _, new in new }
            report.outputs += r.entries.keys.sorted()
        }
        do {
            try writer.write(try manifest.encoded(), to: options.outputFolder.appendingPathComponent(Manifest.fileName))
        } catch {
            report.failed += 1
            report.failures.append("\(options.outputFolder.path)/\(Manifest.fileName): error: cannot write the manifest: \(error)")
        }
        return report
    }

    static func isSafeRelativePath(_ p: String) -> Bool {
        !p.isEmpty && !p.hasPrefix("/") && !p.split(separator: "/").contains("..") && p != Manifest.fileName
    }

    static func canonicalJSON<T: Encodable>(_ value: T) throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return try e.encode(value)
    }
}

/// Hands out jobs to worker threads in order.
final class JobQueue: @unchecked Sendable {
    private let lock = NSLock()
    private let jobs: [BatchJob]
    private var index = 0
    init(_ jobs: [BatchJob]) { self.jobs = jobs }
    func next() -> BatchJob? {
        lock.withLock {
            guard index < jobs.count else { return nil }
            defer { index += 1 }
            return jobs[index]
        }
    }
}

final class ResultCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [BatchEngine.JobResult] = []
    func add(_ r: BatchEngine.JobResult) { lock.withLock { results.append(r) } }
    var all: [BatchEngine.JobResult] { lock.withLock { results } }
}
