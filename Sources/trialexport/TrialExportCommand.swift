import ArgumentParser
import TrialExportCore

struct TrialExportCommand: ParsableCommand {
    /// Computed: the format commands come from the registry, which a program built on the CLI may extend first.
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "trialexport",
        abstract: "Export plain-language clinical-trial summaries as PDF handouts, EPUB, email digests and JSON-LD.",
        discussion: """
            Start with `trialexport init`, then `trialexport validate` and `trialexport all`. Commands work from any \
            folder inside a project (the nearest folder upward holding trialexport.yaml or layouts/); layouts and fonts \
            come from --resources, $TRIALEXPORT_RESOURCES, the project, then the installation, file by file.
            Exit codes: 0 success, 1 invalid summaries or a failed export, 2 usage error.
            """,
        version: TrialExportVersion.current,
        // In the order a newcomer needs them: start a project, check it, export it, keep exporting, then the rest.
        subcommands: [InitCommand.self, ValidateCommand.self, LintCommand.self, AllCommand.self, WatchCommand.self, FormatsCommand.self,
                      LayoutsCommand.self] + FormatCommands.all + [ImportCommand.self, SampleCommand.self]) }
}
