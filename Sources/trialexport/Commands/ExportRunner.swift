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

        let library = try loadSelection()
        Report.print(library.diagnostics)
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
                                 force: output.force, quiet: output.quiet)
        let engine = BatchEngine(exporters: exporters, context: context, options: batch, writer: writer)
        var report = engine.run(library.summaries, collectionLibrary: library.inCategoryOrder)
        report.failed += library.failedFiles.count
        for f in report.failures { FileHandle.standardError.write(Data((f + "\n").utf8)) }
        print(report.summaryLine)
        if report.failed > 0 { throw ExitCodeError.failed }
    }

    /// Explicit files are loaded as given; ids are looked up in the `--input` folder.
    private func loadSelection() throws -> Library {
        guard !selection.isEmpty else { return Library.load(paths: [project.input]) }
        var files: [String] = []
        var ids: [String] = []
        for item in selection {
            if FileManager.default.fileExists(atPath: item) { files.append(item) } else { ids.append(item) }
        }
        var lib = Library.load(paths: files + (ids.isEmpty ? [] : [project.input]))
        if !ids.isEmpty {
            let known = Set(lib.summaries.map(\.id))
            for id in ids where !known.contains(id) {
                throw Report.usage("'\(id)' is neither a file nor a summary id in \(project.input)")
            }
            let explicit = Set(files)
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
        for d in diagnostics { FileHandle.standardError.write(Data((d.description + "\n").utf8)) }
    }

    static func fail(_ message: String) -> ExitCodeError {
        FileHandle.standardError.write(Data(("error: " + message + "\n").utf8))
        return .failed
    }

    static func usage(_ message: String) -> ExitCodeError {
        FileHandle.standardError.write(Data(("error: " + message + "\n").utf8))
        return .usage
    }
}
