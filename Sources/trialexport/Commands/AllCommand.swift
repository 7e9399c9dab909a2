import ArgumentParser
import TrialExportCore

struct AllCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "all", abstract: "Export the whole library in every format (or those given with --formats).")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var selection: FormatOptions

    func run() throws {
        try ExportRunner(project: project, output: output, formats: selection.names, exportOptions: selection.exportOptions).run()
    }
}
