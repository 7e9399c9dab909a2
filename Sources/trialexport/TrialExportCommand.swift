import ArgumentParser
import TrialExportCore

struct TrialExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trialexport",
        abstract: "Export plain-language clinical-trial summaries as PDF handouts, EPUB, email digests and JSON-LD.",
        discussion: "Exit codes: 0 success, 1 invalid summaries or a failed export, 2 usage error.",
        version: TrialExportVersion.current,
        subcommands: [AllCommand.self, PDFCommand.self, EPUBCommand.self, DigestCommand.self, JSONLDCommand.self,
                      ValidateCommand.self, LintCommand.self, ImportCommand.self, FormatsCommand.self, LayoutsCommand.self, SampleCommand.self])
}
