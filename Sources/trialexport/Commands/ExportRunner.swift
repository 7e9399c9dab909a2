import ArgumentParser
import ExportKit
import Foundation
import TrialExportCore
import TrialModel

/// The shared path of every exporting command: settings → library → exporters → batch engine → report.
struct ExportRunner {
    var project: ProjectOptions
    var output: OutputOptions
    var formats: [String]
    var exportOptions = ExportOptions()
    /// Summary files or ids; empty means the whole `--input` folder.
    var selection: [String] = []
    /// Set by `watch`, which runs many exports in one process: its writer (Ctrl-C is the watch's to handle) and
    /// the fonts it keeps loaded between rounds.
    var session: WatchSession? = nil

    func run() throws {
        let (settings, settingsDiagnostics) = Project.loadSettings(at: project.config)
        Report.toStderr(settingsDiagnostics)
        guard let settings else { throw Report.fail("\(project.config): invalid settings; nothing was written") }

        let context = ExportContext(settings: settings, resourceRoot: try project.resources.root(), options: exportOptions,
                                    toolVersion: TrialExportVersion.current)
        let exporters: [any Exporter]
        do { exporters = try session?.exporters(named: formats, context: context) ?? Project.exporters(named: formats, context: context) } catch {
            throw Report.fail("\(error)")
        }
        let writer = session?.writer ?? AtomicWriter()
        if session == nil { InterruptHandler.install(cleaning: writer) }
        let outputFolder = URL(fileURLWithPath: output.output)
        // One run at a time per output folder; a second waits (documented in README, "Batch behaviour").
        let lock: OutputLock
        do {
            lock = try OutputLock(folder: outputFolder) {
                Report.toStderr(["\(output.output): another trialexport run is using this output folder; waiting for it to finish"])
            }
        } catch {
            Report.toStderr(["\(error)"])   // a FileProblem: already "path: error: what: reason"
            throw ExitCodeError.failed
        }
        defer { withExtendedLifetime(lock) {} }

        // A library that could not be read is not an empty library: nothing may be pruned on its account.
        let whole = selection.isEmpty
        let (sources, readProblems) = whole ? Library.readSources(paths: [project.input]) : ([], [])
        if readProblems.contains(where: { $0.file == project.input }) {
            Report.toStderr(readProblems)
            throw Report.fail("\(project.input): the library could not be read; nothing was exported or deleted")
        }
        // An empty library folder (an unmounted share, a wrong path that happens to exist) deletes nothing either.
        if whole && sources.isEmpty {
            Report.toStderr(["\(project.input): warning: no summaries found; nothing is pruned from \(output.output)"])
        }
        let batch = BatchOptions(outputFolder: outputFolder,
                                 jobs: output.jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                                 force: output.force, quiet: output.quiet,
                                 summaries: !output.collectionsOnly, collections: output.shard == nil,
                                 pruneRemoved: whole && readProblems.isEmpty && !sources.isEmpty && output.shard == nil && !output.collectionsOnly)
        let engine = BatchEngine(exporters: exporters, context: context, options: batch, writer: writer)
        Report.toStderr(engine.warnings)
        var library: Library
        if whole {
            // Sources unchanged since the last run, with intact outputs, are not parsed again.
            library = Library.load(sources: sources, known: engine.unchangedSources(sources), owners: engine.sourceOwners)
            library.adding(refused: readProblems)
        } else {
            library = try loadSelection(owners: engine.sourceOwners)
        }
        Report.toStderr(library.diagnostics)
        for e in exporters {
            // A resource problem fails the format's jobs themselves; here only the located warnings matter.
            Report.toStderr(type(of: e).check(library.summaries, resourceRoot: context.resourceRoot, settings: settings,
                                              depth: .export).diagnostics)
        }
        Report.toStderr(engine.recordedWarnings(forUnchanged: library.unchanged))
        let mine = output.shard.map { shard in library.summaries.filter { shard.contains(id: $0.id) } } ?? library.summaries
        var report = engine.run(mine, collectionLibrary: library.inCategoryOrder, unchanged: library.unchanged,
                                invalidSources: library.failedFiles, keep: library.disputedIDs, workers: session?.workers)
        report.failed += library.failedFiles.count
        Report.toStderr(report.notes)
        Report.toStderr(report.failures)
        print(report.summaryLine)
        if report.interrupted {
            Report.toStderr(["interrupted: the manifest lists the outputs that completed; run again to finish"])
            throw ExitCode(130)
        }
        if report.failed > 0 { throw ExitCodeError.failed }
    }

    /// Explicit files are loaded as given; ids are looked up in the `--input` folder.
    private func loadSelection(owners: [String: String]) throws -> Library {
        var files: [String] = []
        var ids: [String] = []
        for item in selection {
            if FileManager.default.fileExists(atPath: item) { files.append(item) } else { ids.append(item) }
        }
        let (sources, problems) = Library.readSources(paths: files + (ids.isEmpty ? [] : [project.input]))
        var lib = Library.load(sources: sources, owners: owners)
        lib.adding(refused: problems)
        if !ids.isEmpty {
            let known = Set(lib.summaries.map(\.id))
            var explicit = Set(files)
            for id in ids where !known.contains(id) {
                // A summary that failed validation has no id to look up; its file is named after it.
                let invalid = lib.failedFiles.filter { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension == id }
                guard !invalid.isEmpty else {
                    throw Report.usage("'\(PrintableText.escape(id))' is neither a file nor a summary id in \(PrintableText.escape(project.input))")
                }
                explicit.formUnion(invalid)
            }
            lib.summaries = lib.summaries.filter { ids.contains($0.id) || explicit.contains($0.sourcePath) }
            // Problems in summaries that were not asked for are not this command's business.
            lib.diagnostics = lib.diagnostics.filter { d in explicit.contains(d.file) || lib.summaries.contains { $0.sourcePath == d.file } }
            lib.failedFiles = lib.failedFiles.filter { explicit.contains($0) }
        }
        return lib
    }
}
