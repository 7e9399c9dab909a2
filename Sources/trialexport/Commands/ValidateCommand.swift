import ArgumentParser
import ExportKit
import Foundation
import PDFExport
import TrialExportCore
import TrialModel

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check summaries and settings; report every problem as file:line:col: error|warning: field: message.",
        discussion: "Exit status 0 when there are no errors (warnings allowed), 1 when there are errors.")

    @Argument(help: "Summary files or folders (default: summaries).")
    var paths: [String] = []

    @Option(name: .long, help: "Settings file to check as well, if it exists.")
    var config: String = "trialexport.yaml"

    func run() throws {
        let (settings, settingsDiagnostics) = Project.loadSettings(at: config)
        let library = Library.load(paths: paths.isEmpty ? ["summaries"] : paths)
        var all = settingsDiagnostics + library.diagnostics
        // A brief that runs past one sheet is worth a warning, not an error: it still prints.
        if let settings {
            let context = ExportContext(settings: settings, resourceRoot: Project.resourceRoot(), toolVersion: TrialExportVersion.current)
            if let check = try? BriefCheck(context: context) {
                let worker = WorkerCache()
                for item in library.summaries { all += check.warnings(item, worker: worker) }
            }
        }
        for d in all { print(d) }
        let errors = all.filter { $0.severity == .error }.count
        let warnings = all.count - errors
        let checked = library.summaries.count + library.failedFiles.count
        print("\(checked) summaries checked: \(library.summaries.count) valid, \(library.failedFiles.count) invalid; \(errors) errors, \(warnings) warnings")
        if errors > 0 || settings == nil { throw ExitCodeError.failed }
    }
}
