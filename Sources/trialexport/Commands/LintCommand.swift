import ArgumentParser
import Foundation
import TrialExportCore
import TrialLint
import TrialModel

struct LintCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, sarif
        var output: LintOutput.Format { LintOutput.Format(rawValue: rawValue)! }
    }

    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check whether summaries are ready to publish as lay summaries: readability, EU CTR Annex V elements, numeracy and wording.",
        discussion: """
            Targets and levels come from the lint: key of trialexport.yaml (maxGrade 8, maxSentenceWords 25, \
            readabilityLevel warning, failOn error). Drafts ({draft: …}) are errors. Exit status 0 when no finding \
            reaches lint.failOn, 1 otherwise (or when a summary cannot be loaded), 2 on usage errors.
            """)

    @Argument(help: "Summary files or folders (default: summaries).")
    var paths: [String] = []

    @Option(name: .long, help: "Settings file; defaults apply when it does not exist.")
    var config: String = "trialexport.yaml"

    @Option(name: .long, help: "Output: text (for people), json (for scripts) or sarif (SARIF 2.1.0 for code scanning).")
    var format: Format = .text

    @Option(name: .long, help: "Highest acceptable Flesch–Kincaid grade (overrides lint.maxGrade).")
    var maxGrade: Double?

    func validate() throws {
        if let maxGrade, !(1...20).contains(maxGrade) { throw ValidationError("--max-grade must be between 1 and 20") }
    }

    func run() throws {
        let (loadedSettings, settingsDiagnostics) = Project.loadSettings(at: config)
        let stderr = FileHandle.standardError
        for d in settingsDiagnostics { stderr.write(Data((d.description + "\n").utf8)) }
        guard var lint = loadedSettings?.lint else { throw ExitCodeError.failed }
        if let maxGrade { lint.maxGrade = maxGrade }
        let library = Library.load(paths: paths.isEmpty ? ["summaries"] : paths, recordingPositions: true)
        for d in library.errors { stderr.write(Data((d.description + "\n").utf8)) }
        // Each summary's part of the output is written on the thread that linted it, then joined in order.
        let rendered = Linter(settings: lint).lint(library.summaries, rendering: format.output)
        FileHandle.standardOutput.write(try LintOutput.output(rendered, format: format.output, settings: lint,
                                                              toolVersion: TrialExportVersion.current))
        // The process ends with this command: freeing every summary and report one by one (a tenth of a
        // 1,000-summary run's serial work) would only delay the exit, so they are kept.
        _ = Unmanaged.passRetained(KeptUntilExit((library, rendered)))
        let failing = rendered.contains { $0.report.findings.contains { $0.level >= lint.failOn } }
        if failing || !library.failedFiles.isEmpty { throw ExitCodeError.failed }
    }
}

/// Holds values the process no longer needs but need not free before it exits.
private final class KeptUntilExit<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
