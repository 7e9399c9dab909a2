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
    /// The manifest of the previous run, unless `--force`.
    let previous: Manifest?
    let hasher: InputHasher

    public init(exporters: [any Exporter], context: ExportContext, options: BatchOptions, writer: AtomicWriter = AtomicWriter()) {
        self.exporters = exporters
        self.context = context
        self.options = options
        self.writer = writer
        self.previous = options.force ? nil : Manifest.load(from: options.outputFolder)
        self.hasher = InputHasher(settings: context.settings, options: context.options, exporters: exporters)
    }

    /// Sources that need no parsing: unchanged since the previous run, with every output of theirs intact and
    /// built from the same inputs. Returns path → summary id.
    public func unchangedSources(_ sources: [SourceFile]) -> [String: String] {
        guard let previous else { return [:] }
        let digests = sources.map { (path: $0.path, digest: Hashing.sha256($0.bytes)) }
        let recorded = digests.filter { previous.sources[$0.path]?.sha256 == $0.digest }
        if options.collections {
            // Collections read every summary: skipping the parse is only possible when nothing changed at all.
            guard recorded.count == digests.count, previous.sources.count == digests.count else { return [:] }
            let hashes = hasher.collectionHashes(digests)
            for e in exporters where !upToDate(format: type(of: e).info.name, variant: "", summaryID: "",
                                               inputHash: hashes[type(of: e).info.name]!, in: previous, allowMissing: true) {
                return [:]
            }
        }
        var known: [String: String] = [:]
        for (path, digest) in recorded {
            let id = previous.sources[path]!.summaryID
            let fresh = exporters.allSatisfy { e in
                e.variants.allSatisfy { v in
                    upToDate(format: type(of: e).info.name, variant: v, summaryID: id,
                             inputHash: hasher.summaryHash(e, variant: v, sourceDigest: digest), in: previous, allowMissing: false)
                }
            }
            if fresh { known[path] = id }
        }
        return known
    }

    /// Warnings of sources left unparsed, as they were printed when those sources were last parsed.
    public func recordedWarnings(forUnchanged unchanged: [String: String]) -> [String] {
        unchanged.keys.sorted().flatMap { previous?.sources[$0]?.warnings ?? [] }
    }

    /// Exports `summaries`; collection outputs are built from `collectionLibrary` (defaults to the same summaries).
    /// `unchanged` (path → id) are summaries left unparsed because `unchangedSources` found them up to date.
    /// `invalidSources` are source paths that failed to load: their earlier outputs are kept, not pruned.
    public func run(_ summaries: [LoadedSummary], collectionLibrary: [LoadedSummary]? = nil,
                    unchanged: [String: String] = [:], invalidSources: [String] = []) -> BatchReport {
        // With unchanged sources and collections on, nothing changed at all: the collections are current too.
        let collectionsCurrent = !unchanged.isEmpty && options.collections
        let jobs = makeJobs(summaries, collectionLibrary: collectionsCurrent ? nil : (collectionLibrary ?? summaries))
        let progress = Progress(total: jobs.count, quiet: options.quiet)
        let queue = JobQueue(jobs)
        let results = ResultCollector()
        WorkerThreads.run(count: min(options.jobs, max(1, jobs.count))) {
            let cache = WorkerCache()
            while let job = queue.next() {
                let r = self.perform(job, cache: cache)
                progress.finished(job.label, outcome: r.outcomeWord)
                results.add(r)
            }
        }
        progress.end()
        var report = finish(results.all, summaries: summaries, unchanged: unchanged, invalidSources: invalidSources)
        report.skipped += unchanged.count * exporters.reduce(0) { $0 + $1.variants.count }
        if collectionsCurrent, let previous {
            report.skipped += Set(previous.files.values.filter { $0.summaryID.isEmpty }.map(\.format)).count
        }
        return report
    }

    private func makeJobs(_ summaries: [LoadedSummary], collectionLibrary: [LoadedSummary]?) -> [BatchJob] {
        var jobs: [BatchJob] = []
        // Collections first: they are the longest jobs, so starting them early shortens the run.
        if options.collections, let collectionLibrary {
            let hashes = hasher.collectionHashes(collectionLibrary.map { ($0.sourcePath, Hashing.sha256($0.sourceBytes)) })
            for e in exporters where type(of: e).info.hasCollection {
                let f = type(of: e).info.name
                jobs.append(BatchJob(exporter: e, format: f, variant: "", kind: .collection(collectionLibrary), inputHash: hashes[f]!))
            }
        }
        if options.summaries {
            // Each source is hashed once; a job's hash then covers only short inputs.
            let digests = summaries.map { Hashing.sha256($0.sourceBytes) }
            for e in exporters {
                let f = type(of: e).info.name
                for v in e.variants {
                    for (s, digest) in zip(summaries, digests) {
                        jobs.append(BatchJob(exporter: e, format: f, variant: v, kind: .summary(s),
                                             inputHash: hasher.summaryHash(e, variant: v, sourceDigest: digest)))
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

    private func upToDate(format: String, variant: String, summaryID: String, inputHash: String, in manifest: Manifest,
                          allowMissing: Bool) -> Bool {
        guard let paths = manifest.outputs(format: format, variant: variant, summaryID: summaryID, inputHash: inputHash) else {
            // A format with no collection output has no entries; that is current, not missing.
            return allowMissing && !manifest.files.values.contains { $0.format == format && $0.variant == variant && $0.summaryID == summaryID }
        }
        return paths.allSatisfy { intact($0, manifest.files[$0]!) }
    }

    private func perform(_ job: BatchJob, cache: WorkerCache) -> JobResult {
        if let previous, let paths = previous.outputs(format: job.format, variant: job.variant, summaryID: job.summaryID, inputHash: job.inputHash),
           paths.allSatisfy({ intact($0, previous.files[$0]!) }) {
            return JobResult(job: job, outcome: .skipped, entries: previous.files.filter { paths.contains($0.key) })
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
                let url = options.outputFolder.appendingPathComponent(file.path)
                let written: (hash: String, size: Int)
                switch file.content {
                case .bytes(let data):
                    try writer.write(data, to: url)
                    written = (Hashing.sha256(data), data.count)
                case .stream(let fill):
                    written = try writer.write(to: url) { temp in try fill(temp); return try Hashing.sha256(fileAt: temp) }
                }
                entries[file.path] = Manifest.Entry(sha256: written.hash, size: written.size, format: job.format,
                                                    summaryID: job.summaryID, variant: job.variant, inputHash: job.inputHash)
            }
            return JobResult(job: job, outcome: .exported, entries: entries)
        } catch {
            let what = job.summaryID.isEmpty ? "collection" : "'\(job.summaryID)'"
            let source: String
            if case .summary(let s) = job.kind { source = "\(s.sourcePath): " } else { source = "" }
            return JobResult(job: job, outcome: .failed("\(source)error: \(job.format)\(job.variant.isEmpty ? "" : "/\(job.variant)") export of \(what) failed: \(ErrorLine.describe(error))"), entries: [:])
        }
    }

    private func intact(_ path: String, _ entry: Manifest.Entry) -> Bool {
        let attrs = try? FileManager.default.attributesOfItem(atPath: options.outputFolder.appendingPathComponent(path).path)
        return (attrs?[.size] as? NSNumber)?.intValue == entry.size
    }

    static func isSafeRelativePath(_ p: String) -> Bool {
        !p.isEmpty && !p.hasPrefix("/") && !p.split(separator: "/").contains("..") && p != Manifest.fileName
    }
}
