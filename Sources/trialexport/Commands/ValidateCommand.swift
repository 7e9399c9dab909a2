import ArgumentParser
import ExportKit
import CTGovImport
import Foundation
import TrialExportCore
import TrialModel

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check summaries and settings; report every problem as file:line:col: error|warning: field: message.",
        discussion: """
            Exit status 0 when there are no errors (warnings allowed), 1 when there are errors. Drafts ({draft: …}) \
            are warnings. With --registry, each summary is compared with its ClinicalTrials.gov record: \
            disagreements are errors (status and estimated enrolment: warnings), and mappings that cannot be decided \
            are listed as notes.
            """)

    @Argument(help: "Summary files or folders (default: summaries/ in the project folder).", completion: .file(extensions: ["yaml"]))
    var paths: [String] = []

    @Option(name: .customLong("config"), help: "Settings file to check as well (default: trialexport.yaml in the project folder, if any).",
            completion: .file(extensions: ["yaml"]))
    var configOption: String?

    @Option(name: .long, help: "Folder of ClinicalTrials.gov v2 records (<NCT id>.json) to cross-check the summaries against.")
    var registry: String?

    func validate() throws {
        try ProjectOptions.requireFile(configOption, option: "--config")
        var isDir: ObjCBool = false
        if let registry, !(FileManager.default.fileExists(atPath: registry, isDirectory: &isDir) && isDir.boolValue) {
            throw ValidationError("--registry \(registry) is not a folder (it should hold <NCT id>.json records)")
        }
    }

    func run() throws {
        let config = configOption ?? Project.defaultPath(Project.settingsFileName)
        let (settings, settingsDiagnostics) = Project.loadSettings(at: config)
        let library = Library.load(paths: paths.isEmpty ? [Project.defaultPath("summaries")] : paths, recordingPositions: registry != nil)
        // Each format checks its own resources (layouts, fonts: inputs too, which would otherwise only show at
        // export time) and what it has to say about the summaries. Outside a project (no layouts/ or fonts/ found)
        // only the summaries and settings are checked.
        let resources = Project.resourceRoot()
        let checks = ExporterRegistry.all.map { $0.check(library.summaries, resourceRoot: resources, settings: settings, depth: .validate) }
        var all = settingsDiagnostics + library.diagnostics + checks.flatMap(\.diagnostics)
        let problems = checks.flatMap(\.problems)
        for d in all { print(d) }
        for line in problems { print(PrintableText.escape(line, limit: 2000)) }
        if let registry {
            let report = RegistryCrossCheck.check(library.summaries, registry: registry)
            for d in report.diagnostics { print(d) }
            for n in report.undecided { print(n) }
            all += report.diagnostics
            print("registry: \(report.checked) summaries compared with \(registry): \(report.diagnostics.count) disagreements, \(report.undecided.count) mappings not decided")
        }
        let errors = all.filter { $0.severity == .error }.count + problems.count
        let warnings = all.filter { $0.severity == .warning }.count
        let checked = library.summaries.count + library.failedFiles.count
        print("\(checked) summaries checked: \(library.summaries.count) valid, \(library.failedFiles.count) invalid; \(errors) errors, \(warnings) warnings")
        if errors > 0 || settings == nil { throw ExitCodeError.failed }
    }
}
