import ExportKit
import Foundation
import TrialModel

/// Turning job results into the report and the new manifest, and deleting outputs that are no longer produced.
extension BatchEngine {
    func finish(_ results: [JobResult], summaries: [LoadedSummary], unchanged: [String: String],
                invalidSources: [String], keep: Set<String>) -> BatchReport {
        // The recorded manifest is the base even with --force: formats this run does not touch keep their entries,
        // and outputs of summaries that left the library can still be found and pruned.
        // A whole-library run rebuilds the list of sources; a partial one (a selection, a shard) updates it.
        var manifest = Manifest(tool: TrialExportVersion.current, files: recorded?.files ?? [:],
                                sources: options.pruneRemoved ? [:] : recorded?.sources ?? [:])
        var report = BatchReport()
        // Each label made once: building it in every comparison made sorting 6,000 results cost ~0.9 G serial
        // instructions after the last job (callgrind, scaled from 20 summaries).
        for (_, r) in results.map({ ($0.job.label, $0) }).sorted(by: { $0.0 < $1.0 }) {
            switch r.outcome {
            case .exported where r.entries.isEmpty: break   // nothing to write, e.g. a collection of an empty selection
            case .exported: report.exported += 1
            case .skipped: report.skipped += 1
            case .failed(let m): report.failed += 1; report.failures.append(m)
            case .interrupted: break
            }
            guard case .exported = r.outcome else {
                if case .skipped = r.outcome { manifest.files.merge(r.entries) { _, new in new }; report.outputs += r.entries.keys.sorted() }
                continue
            }
            // A job's earlier outputs are replaced by what it produced now; files it no longer produces go.
            // Only this job adds entries with its format, variant and id, so they are among those recorded (looked
            // up in the index: filtering every entry per job made a 1,000-summary run quadratic).
            let earlier = (recordedIndex?.paths(format: r.job.format, variant: r.job.variant, summaryID: r.job.summaryID) ?? []).filter {
                guard let e = manifest.files[$0] else { return false }
                return e.format == r.job.format && e.variant == r.job.variant && e.summaryID == r.job.summaryID
            }
            report.pruned += remove(earlier.filter { r.entries[$0] == nil }, from: &manifest)
            manifest.files.merge(r.entries) { _, new in new }
            report.outputs += r.entries.keys.sorted()
        }
        // An interrupted run did not see every job through: pruning waits for a complete run.
        if options.pruneRemoved && !writer.isInterrupted {
            // Outputs of summaries that left the library. An invalid source keeps its earlier outputs.
            let present = Set(summaries.map(\.id)).union(unchanged.values).union(keep)
                .union(invalidSources.compactMap { recorded?.sources[$0]?.summaryID })
            let formats = Set(exporters.map { type(of: $0).info.name })
            report.pruned += remove(manifest.files.filter { !$0.value.summaryID.isEmpty && formats.contains($0.value.format) && !present.contains($0.value.summaryID) }.map(\.key),
                                    from: &manifest)
            if manifestUnreadable {
                if invalidSources.isEmpty {
                    report.pruned += remove(scanForStrays(results, keeping: manifest, present: present), from: &manifest)
                } else {
                    report.notes.append("\(options.outputFolder.path): warning: nothing was pruned: without a manifest the outputs of the \(invalidSources.count) invalid summaries cannot be told apart")
                }
            }
        }
        for path in invalidSources { manifest.sources[path] = recorded?.sources[path] }
        // Sources that loaded (even if a format then failed); a failed job has no outputs, so it is retried.
        for (path, _) in unchanged { manifest.sources[path] = recorded?.sources[path] }
        for s in summaries {
            manifest.sources[s.sourcePath] = Manifest.Source(sha256: Hashing.sha256(s.sourceBytes), summaryID: s.id,
                                                             warnings: s.warnings.isEmpty ? nil : s.warnings.map(\.description))
        }
        do {
            // Written even after an interrupt (the writer refuses new outputs by then): it records what completed.
            try AtomicWriter().write(try manifest.encoded(), to: options.outputFolder.appendingPathComponent(Manifest.fileName))
        } catch {
            report.failed += 1
            report.failures.append((error as? FileProblem)?.description
                ?? "\(options.outputFolder.path)/\(Manifest.fileName): error: cannot write the manifest: \(FileProblem.describe(error))")
        }
        return report
    }

    /// Without a manifest: files that sit where this run writes its per-summary outputs (same folder, same
    /// extension, named like a summary id) but that no present summary produces.
    private func scanForStrays(_ results: [JobResult], keeping manifest: Manifest, present: Set<String>) -> [String] {
        var slots: Set<String> = []   // "folder\u{0}extension"
        for r in results where !r.job.summaryID.isEmpty {
            for path in r.entries.keys { slots.insert((path as NSString).deletingLastPathComponent + "\u{0}" + (path as NSString).pathExtension) }
        }
        var strays: [String] = []
        for slot in slots.sorted() {
            let parts = slot.components(separatedBy: "\u{0}")
            let folder = options.outputFolder.appendingPathComponent(parts[0])
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
                let stem = (name as NSString).deletingPathExtension
                let path = parts[0] + "/" + name
                guard (name as NSString).pathExtension == parts[1], Slug.isValid(stem), !present.contains(stem),
                      manifest.files[path] == nil else { continue }
                strays.append(path)
            }
        }
        return strays
    }

    /// Deletes files this tool wrote and their entries; a path that resolves (through symlinks) outside the
    /// output folder is never touched. Returns the paths deleted.
    private func remove(_ paths: [String], from manifest: inout Manifest) -> [String] {
        var removed: [String] = []
        for p in paths.sorted() {
            manifest.files[p] = nil
            guard let url = confined(p) else { continue }
            if (try? FileManager.default.removeItem(at: url)) != nil { removed.append(p) }
        }
        return removed
    }

    /// The file's URL when the path, with its folders' symlinks resolved, lies inside the output folder.
    func confined(_ relative: String) -> URL? {
        guard Self.isSafeRelativePath(relative) else { return nil }
        let root = options.outputFolder.resolvingSymlinksInPath().standardizedFileURL.path
        let url = options.outputFolder.appendingPathComponent(relative)
        // The folder is resolved; the file itself may be a symlink, and deleting it removes only the link.
        let folder = url.deletingLastPathComponent().resolvingSymlinksInPath().standardizedFileURL.path
        guard folder == root || folder.hasPrefix(root + "/") else { return nil }
        return URL(fileURLWithPath: folder).appendingPathComponent(url.lastPathComponent)
    }
}
