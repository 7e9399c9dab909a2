import ExportKit
import Foundation
import TrialModel

/// Turning job results into the report and the new manifest, and deleting outputs that are no longer produced.
extension BatchEngine {
    func finish(_ results: [JobResult], summaries: [LoadedSummary], unchanged: [String: String],
                        invalidSources: [String]) -> BatchReport {
        var manifest = Manifest(tool: TrialExportVersion.current, files: previous?.files ?? [:])
        var report = BatchReport()
        for r in results.sorted(by: { $0.job.label < $1.job.label }) {
            switch r.outcome {
            case .exported where r.entries.isEmpty: break   // nothing to write, e.g. a collection of an empty selection
            case .exported: report.exported += 1
            case .skipped: report.skipped += 1
            case .failed(let m): report.failed += 1; report.failures.append(m)
            }
            if case .failed = r.outcome { continue }
            // A job's earlier outputs are replaced by what it produced now; files it no longer produces go.
            let earlier = manifest.files.filter { $0.value.format == r.job.format && $0.value.variant == r.job.variant && $0.value.summaryID == r.job.summaryID }
            remove(earlier.keys.filter { r.entries[$0] == nil }, from: &manifest)
            manifest.files.merge(r.entries) { _, new in new }
            report.outputs += r.entries.keys.sorted()
        }
        if options.pruneRemoved {
            // Outputs of summaries that left the library. An invalid source keeps its earlier outputs.
            let present = Set(summaries.map(\.id)).union(unchanged.values)
                .union(invalidSources.compactMap { previous?.sources[$0]?.summaryID })
            let formats = Set(exporters.map { type(of: $0).info.name })
            remove(manifest.files.filter { !$0.value.summaryID.isEmpty && formats.contains($0.value.format) && !present.contains($0.value.summaryID) }.map(\.key),
                   from: &manifest)
            for path in invalidSources { manifest.sources[path] = previous?.sources[path] }
        }
        // Sources that loaded (even if a format then failed); a failed job has no outputs, so it is retried.
        for (path, _) in unchanged { manifest.sources[path] = previous?.sources[path] }
        for s in summaries {
            manifest.sources[s.sourcePath] = Manifest.Source(sha256: Hashing.sha256(s.sourceBytes), summaryID: s.id,
                                                             warnings: s.warnings.isEmpty ? nil : s.warnings.map(\.description))
        }
        do {
            try writer.write(try manifest.encoded(), to: options.outputFolder.appendingPathComponent(Manifest.fileName))
        } catch {
            report.failed += 1
            report.failures.append("\(options.outputFolder.path)/\(Manifest.fileName): error: cannot write the manifest: \(ErrorLine.describe(error))")
        }
        return report
    }

    /// Deletes files the manifest says this tool wrote, and their entries.
    private func remove(_ paths: [String], from manifest: inout Manifest) {
        for p in paths {
            try? FileManager.default.removeItem(at: options.outputFolder.appendingPathComponent(p))
            manifest.files[p] = nil
        }
    }
}
