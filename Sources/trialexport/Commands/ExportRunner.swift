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

    func run() throws {
        let (settings, settingsDiagnostics) = Project.loadSettings(at: project.config)
        Report.print(settingsDiagnostics)
        guard let settings else { throw Report.fail("\(project.config): invalid settings; nothing was written") }

        let context = ExportContext(settings: settings, resourceRoot: Project.resourceRoot(), options: exportOptions,
                                    toolVersion: TrialExportVersion.current)
        let exporters: [any Exporter]
        do { exporters = try Project.exporters(named: formats, context: context) } catch {
            throw Report.fail("\(error)")
        }
        let writer = AtomicWriter()
        InterruptHandler.install(cleaning: writer)
        let batch = BatchOptions(outputFolder: URL(fileURLWithPath: output.output),
                                 jobs: output.jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                                 force: output.force, quiet: output.quiet,
                                 summaries: !output.collectionsOnly, collections: output.shard == nil,
                                 pruneRemoved: selection.isEmpty && output.shard == nil && !output.collectionsOnly)
        let engine = BatchEngine(exporters: exporters, context: context, options: batch, writer: writer)
        let library = try loadSelection(engine)
        Report.print(library.diagnostics)
        if formats.isEmpty || formats.contains("pdf") {
            // A font problem fails the PDF jobs themselves; here only the located glyph warnings matter.
            Report.print(GlyphWarnings.check(library.summaries, fontsFolder: context.fontsFolder).diagnostics)
        }
        Report.print(engine.recordedWarnings(forUnchanged: library.unchanged))
        let mine = output.shard.map { shard in library.summaries.filter { shard.contains(id: $0.id) } } ?? library.summaries
        var report = engine.run(mine, collectionLibrary: library.inCategoryOrder, unchanged: library.unchanged,
                                invalidSources: library.failedFiles)
        report.failed += library.failedFiles.count
        Report.print(report.failures)
        print(report.summaryLine)
        if report.failed > 0 { throw ExitCodeError.failed }
    }

    /// Explicit files are loaded as given; ids are looked up in the `--input` folder.
    private func loadSelection(_ engine: BatchEngine) throws -> Library {
        guard !selection.isEmpty else {
            // Sources unchanged since the last run, with intact outputs, are not parsed again.
            let (sources, problems) = Library.readSources(paths: [project.input])
            var lib = Library.load(sources: sources, known: engine.unchangedSources(sources))
            lib.adding(refused: problems)
            return lib
        }
        var files: [String] = []
        var ids: [String] = []
        for item in selection {
            if FileManager.default.fileExists(atPath: item) { files.append(item) } else { ids.append(item) }
        }
        var lib = Library.load(paths: files + (ids.isEmpty ? [] : [project.input]))
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

enum ExitCodeError: Error { case failed, usage }

/// Prints diagnostics and builds the errors that end a command.
enum Report {
    static func print(_ diagnostics: [Diagnostic]) {
        print(diagnostics.map(\.description))
    }

    /// Each line escaped: a file name or message holding a newline or ESC cannot forge or drive the output.
    static func print(_ lines: [String]) {
        for line in lines { FileHandle.standardError.write(Data((PrintableText.escape(line, limit: 2000) + "\n").utf8)) }
    }

    static func fail(_ message: String) -> ExitCodeError {
        print(message.split(separator: "\n").enumerated().map { $0.offset == 0 ? "error: " + $0.element : String($0.element) })
        return .failed
    }

    static func usage(_ message: String) -> ExitCodeError {
        print(["error: " + message])
        return .usage
    }
}
