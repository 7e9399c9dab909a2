import ArgumentParser
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
        // Layouts and fonts are inputs too: a broken one would only show at export time. Outside a project
        // (no layouts/ or fonts/ found) only the summaries and settings are checked.
        let resources = Project.resourceRoot()
        let layouts = resources.appendingPathComponent("layouts"), fonts = resources.appendingPathComponent("fonts")
        let layoutProblems = FileManager.default.fileExists(atPath: layouts.path) ? PDFLayouts.problems(layoutsFolder: layouts) : []
        let glyphs = FileManager.default.fileExists(atPath: fonts.path)
            ? GlyphWarnings.check(library.summaries, fontsFolder: fonts) : (diagnostics: [], problems: [])
        let all = settingsDiagnostics + library.diagnostics + glyphs.diagnostics
        for d in all { print(d) }
        for line in layoutProblems + glyphs.problems { print(PrintableText.escape(line, limit: 2000)) }
        let errors = all.filter { $0.severity == .error }.count + layoutProblems.count + glyphs.problems.count
        let warnings = all.filter { $0.severity == .warning }.count
        let checked = library.summaries.count + library.failedFiles.count
        print("\(checked) summaries checked: \(library.summaries.count) valid, \(library.failedFiles.count) invalid; \(errors) errors, \(warnings) warnings")
        if errors > 0 || settings == nil { throw ExitCodeError.failed }
    }
}
