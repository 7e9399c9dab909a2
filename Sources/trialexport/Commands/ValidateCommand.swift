import ArgumentParser
import Foundation
import TrialExportCore
import TrialModel

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check summaries and settings; report every problem as file:line:col: error|warning: field: message.",
        discussion: "Exit status 0 when there are no errors (warnings allowed), 1 when there are errors.")

    @Argument(help: "Summary files or folders (default: summaries/ in the project folder).", completion: .file(extensions: ["yaml"]))
    var paths: [String] = []

    @Option(name: .customLong("config"), help: "Settings file to check as well (default: trialexport.yaml in the project folder, if any).",
            completion: .file(extensions: ["yaml"]))
    var configOption: String?

    func validate() throws {
        try ProjectOptions.requireFile(configOption, option: "--config")
    }

    func run() throws {
        let config = configOption ?? Project.defaultPath(Project.settingsFileName)
        let (settings, settingsDiagnostics) = Project.loadSettings(at: config)
        let library = Library.load(paths: paths.isEmpty ? [Project.defaultPath("summaries")] : paths)
        let all = settingsDiagnostics + library.diagnostics
        for d in all { print(d) }
        let errors = all.filter { $0.severity == .error }.count
        let warnings = all.count - errors
        let checked = library.summaries.count + library.failedFiles.count
        print("\(checked) summaries checked: \(library.summaries.count) valid, \(library.failedFiles.count) invalid; \(errors) errors, \(warnings) warnings")
        if errors > 0 || settings == nil { throw ExitCodeError.failed }
    }
}
