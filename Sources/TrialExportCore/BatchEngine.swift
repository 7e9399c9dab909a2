import ExportKit
import Foundation
import TrialModel

/// Runs export jobs (summary × format × variant, plus each format's collection) on all cores,
/// writes outputs atomically, skips unchanged work and records everything in `manifest.json`.
///
/// Callers that may run concurrently with another process on the same output folder hold its `OutputLock`
/// from before creating the engine until `run` returns (the CLI does).
public final class BatchEngine: Sendable {
    let exporters: [any Exporter]
    let context: ExportContext
    let options: BatchOptions
    let writer: AtomicWriter
    /// The manifest on disk when the run began: the base of the new one, and what pruning works from.
    let recorded: Manifest?
    /// What skipping works from: the recorded manifest, unless `--force`.
    let previous: Manifest?
    /// `recorded` and `previous` with their outputs grouped by job.
    let recordedIndex: ManifestIndex?
    let previousIndex: ManifestIndex?
    /// Set when a manifest exists but cannot be used; pruning then scans the output tree instead.
    let manifestUnreadable: Bool
    /// Problems with the recorded manifest, for the caller to print.
    public let warnings: [String]
    let hasher: InputHasher
    /// When the recorded manifest was last written (its mtime): outputs unchanged since then need no hashing.
    let manifestWritten: (Int, Int)?

    public init(exporters: [any Exporter], context: ExportContext, options: BatchOptions, writer: AtomicWriter = AtomicWriter(),
                codeFingerprint: String = CodeFingerprint.current) {
        self.exporters = exporters
        self.context = context
        self.options = options
        self.writer = writer
        switch Manifest.read(from: options.outputFolder) {
        case .missing:
            (recorded, manifestUnreadable, warnings) = (nil, false, [])
        case .loaded(let m, let w):
            (recorded, manifestUnreadable, warnings) = (m, false, w)
        case .unreadable(let why):
            let path = options.outputFolder.appendingPathComponent(Manifest.fileName).path
            (recorded, manifestUnreadable) = (nil, true)
            warnings = ["\(path): warning: the manifest cannot be used (\(why)); every output is rebuilt, and files in the output folders that this run does not produce are pruned"]
        }
        previous = options.force ? nil : recorded
        recordedIndex = recorded.map(ManifestIndex.init)
        previousIndex = options.force ? nil : recordedIndex
        var st = stat()
        manifestWritten = recorded != nil && stat(options.outputFolder.appendingPathComponent(Manifest.fileName).path, &st) == 0
            ? (st.st_mtim.tv_sec, st.st_mtim.tv_nsec) : nil
        hasher = InputHasher(exporters: exporters, code: codeFingerprint)
    }

    /// Which source file owned each summary id in the run that wrote the manifest: id → path. On a duplicate id
    /// the owner keeps it (`Library.load(…, owners:)`).
    public var sourceOwners: [String: String] {
        var owners: [String: String] = [:]
        for (path, s) in recorded?.sources ?? [:] { owners[s.summaryID] = path }
        return owners
    }

    /// Sources that need no parsing: unchanged since the previous run, with every output of theirs intact and
    /// built from the same inputs. Returns path → summary id.
    public func unchangedSources(_ sources: [SourceFile]) -> [String: String] {
        guard let previous, let previousIndex else { return [:] }
        let digests = sources.map { (path: $0.path, digest: Hashing.sha256($0.bytes)) }
        let recorded = digests.filter { previous.sources[$0.path]?.sha256 == $0.digest }
        if options.collections {
            // Collections read every summary: skipping the parse is only possible when nothing changed at all.
            guard recorded.count == digests.count, previous.sources.count == digests.count else { return [:] }
            let hashes = hasher.collectionHashes(digests)
            for e in exporters where type(of: e).info.hasCollection
                && !upToDate(format: type(of: e).info.name, variant: "", summaryID: "", inputHash: hashes[type(of: e).info.name]!, in: previousIndex) {
                return [:]
            }
        }
        var known: [String: String] = [:]
        for (path, digest) in recorded {
            let id = previous.sources[path]!.summaryID
            let fresh = exporters.allSatisfy { e in
                e.variants.allSatisfy { v in
                    upToDate(format: type(of: e).info.name, variant: v, summaryID: id,
                             inputHash: hasher.summaryHash(e, variant: v, sourceDigest: digest), in: previousIndex)
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
    /// `invalidSources` are source paths that failed to load, and `keep` ids whose owner is in doubt (a duplicate
    /// id): the earlier outputs of both are kept, not pruned. Workers take their caches from `workers` when given
    /// (and give them back), else start empty ones.
    public func run(_ summaries: [LoadedSummary], collectionLibrary: [LoadedSummary]? = nil,
                    unchanged: [String: String] = [:], invalidSources: [String] = [], keep: Set<String> = [],
                    workers: WorkerCachePool? = nil) -> BatchReport {
        run(summaries, collectionLibrary: collectionLibrary, unchanged: unchanged, invalidSources: invalidSources, keep: keep,
            workers: workers, committer: Committer(writer: writer))
    }

    /// `run` with the committer given (tests hold its commits or watch its queue).
    func run(_ summaries: [LoadedSummary], collectionLibrary: [LoadedSummary]?, unchanged: [String: String],
             invalidSources: [String], keep: Set<String>, workers: WorkerCachePool?, committer: Committer) -> BatchReport {
        AtomicWriter.removeStaleTemporaries(in: options.outputFolder)
        let jobs = makeJobs(summaries, collectionLibrary: collectionLibrary ?? summaries, unchanged: unchanged)
        let progress = Progress(total: jobs.count, quiet: options.quiet)
        let queue = JobQueue(jobs)
        let results = ResultCollector()
        let record: @Sendable (JobResult) -> Void = { r in
            progress.finished(r.job.label, outcome: r.outcomeWord)
            results.add(r)
        }
        WorkerThreads.run(count: min(options.jobs, max(1, jobs.count))) {
            let cache = workers?.take() ?? WorkerCache()
            defer { workers?.give(back: cache) }
            // After an interrupt no new job starts; jobs in progress finish, and the manifest records them.
            while !self.writer.isInterrupted, let job = queue.next() {
                let (r, staged) = self.perform(job, cache: cache)
                guard !staged.isEmpty else { record(r); continue }
                // The job is done only when its files are in place: until then its outcome is open.
                committer.submit(staged) { error in record(error.map { self.failed(job, $0) } ?? r) }
            }
        }
        // The manifest lists only files that landed.
        committer.finish()
        progress.end()
        var report = finish(results.all, summaries: summaries, unchanged: unchanged, invalidSources: invalidSources, keep: keep)
        report.skipped += unchanged.count * exporters.reduce(0) { $0 + $1.variants.count }
        report.interrupted = writer.isInterrupted
        return report
    }

    func makeJobs(_ summaries: [LoadedSummary], collectionLibrary: [LoadedSummary], unchanged: [String: String]) -> [BatchJob] {
        var jobs: [BatchJob] = []
        // Collections first: they are the longest jobs, so starting them early shortens the run.
        if options.collections {
            // Unparsed sources count with the digest the manifest recorded, which `unchangedSources` checked.
            let listing = collectionLibrary.map { ($0.sourcePath, Hashing.sha256($0.sourceBytes)) }
                + unchanged.keys.map { ($0, previous?.sources[$0]?.sha256 ?? "unknown") }
            let hashes = hasher.collectionHashes(listing)
            for e in exporters where type(of: e).info.hasCollection {
                let f = type(of: e).info.name
                jobs.append(BatchJob(exporter: e, format: f, variant: "", kind: .collection(collectionLibrary, unparsed: unchanged.count),
                                     inputHash: hashes[f]!))
            }
        }
        if options.summaries {
            // Each source is hashed once; a job's hash then covers only short inputs. One format and variant after
            // another: running a summary's jobs together (every format in turn on each worker) measured 1–5 % more
            // CPU for 1.7 % fewer instructions on the 1,000 samples (docs/performance.md, issue 18 fifth round).
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
        enum Outcome: Sendable { case exported, skipped, failed(String), interrupted }
        var job: BatchJob
        var outcome: Outcome
        var entries: [String: Manifest.Entry]

        var outcomeWord: String {
            switch outcome {
            case .exported: "exported"
            case .skipped: "unchanged"
            case .failed: "FAILED"
            case .interrupted: "interrupted"
            }
        }
    }

    /// Whether the manifest records outputs of this job, all built from `inputHash` and all intact.
    private func upToDate(format: String, variant: String, summaryID: String, inputHash: String, in index: ManifestIndex) -> Bool {
        guard let paths = index.outputs(format: format, variant: variant, summaryID: summaryID, inputHash: inputHash) else { return false }
        return paths.allSatisfy { intact($0, index.manifest.files[$0]!) }
    }

    /// Renders the job and stages its files; they are committed by the caller. Returns the result the job has
    /// once its staged files (if any) have landed.
    private func perform(_ job: BatchJob, cache: WorkerCache) -> (JobResult, [AtomicWriter.Staged]) {
        if let previousIndex, upToDate(format: job.format, variant: job.variant, summaryID: job.summaryID, inputHash: job.inputHash, in: previousIndex) {
            let paths = previousIndex.outputs(format: job.format, variant: job.variant, summaryID: job.summaryID, inputHash: job.inputHash)!
            var entries: [String: Manifest.Entry] = [:]
            for p in paths { entries[p] = previousIndex.manifest.files[p]! }
            return (JobResult(job: job, outcome: .skipped, entries: entries), [])
        }
        var staged: [AtomicWriter.Staged] = []
        do {
            let files: [OutputFile]
            switch job.kind {
            case .summary(let s): files = try job.exporter.render(s, variant: job.variant, worker: cache)
            case .collection(_, let unparsed) where unparsed > 0:
                // The caller left sources unparsed although the collection is not current: building it from part of
                // the library would publish a wrong collection.
                throw ExportError.configuration("\(unparsed) summaries were not loaded, so the collection cannot be built; run again with --force")
            case .collection(let lib, _): files = try job.exporter.renderCollection(lib, worker: cache)
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
                    staged.append(try writer.stage(data, for: url))
                    written = (Hashing.sha256(data), data.count)
                case .stream(let fill):
                    let (s, w) = try writer.stage(for: url) { temp in try fill(temp); return try Hashing.sha256(fileAt: temp) }
                    staged.append(s)
                    written = w
                }
                entries[file.path] = Manifest.Entry(sha256: written.hash, size: written.size, format: job.format,
                                                    summaryID: job.summaryID, variant: job.variant, inputHash: job.inputHash)
            }
            return (JobResult(job: job, outcome: .exported, entries: entries), staged)
        } catch {
            writer.discard(staged)
            return (failed(job, error), [])
        }
    }

    /// The result of a job that threw: interrupted, or failed with one line naming the source, format and reason.
    func failed(_ job: BatchJob, _ error: any Error) -> JobResult {
        if error is AtomicWriter.Interrupted { return JobResult(job: job, outcome: .interrupted, entries: [:]) }
        let what = job.summaryID.isEmpty ? "collection" : "'\(job.summaryID)'"
        let source: String
        if case .summary(let s) = job.kind { source = "\(s.sourcePath): " } else { source = "" }
        // A file problem names the output: a commit fails after rendering, on a file the message must point to.
        let why = (error as? FileProblem).map { p in p.description.replacingOccurrences(of: ": error: \(p.reason)", with: ": \(p.reason)") }
            ?? FileProblem.describe(error)
        return JobResult(job: job, outcome: .failed("\(source)error: \(job.format)\(job.variant.isEmpty ? "" : "/\(job.variant)") export of \(what) failed: \(why)"), entries: [:])
    }

    /// Whether an output still holds what was written: a regular file of the recorded size whose status has not
    /// changed since the manifest was written (its ctime is older), or else whose SHA-256 matches. Any write,
    /// rename, chmod or touch sets a file's ctime to the current time and nothing sets it back, so a same-size
    /// edit is hashed and caught, while an untouched library costs one stat per output (docs/performance.md).
    private func intact(_ path: String, _ entry: Manifest.Entry) -> Bool {
        let url = options.outputFolder.appendingPathComponent(path)
        var st = stat()
        guard stat(url.path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, Int(st.st_size) == entry.size else { return false }
        if let since = manifestWritten, (st.st_ctim.tv_sec, st.st_ctim.tv_nsec) < since { return true }
        return (try? Hashing.sha256(fileAt: url))?.hash == entry.sha256
    }

    static func isSafeRelativePath(_ p: String) -> Bool { Manifest.isSafeRelativePath(p) }
}
