import ArgumentParser
import ExportKit
import Foundation
import TrialExportCore
import TrialModel

/// What every per-format command takes: summary files or ids, the project and the output options.
struct FormatArguments: ParsableArguments {
    @Argument(help: "Summary files or ids (default: every summary in --input).", completion: .custom(Completions.summaries))
    var summaries: [String] = []
    @OptionGroup var project: ProjectOptions
    @OptionGroup var output: OutputOptions

    func export(_ format: String, options: ExportOptions = ExportOptions()) throws {
        try ExportRunner(project: project, output: output, formats: [format], exportOptions: options,
                         selection: summaries).run()
    }
}

/// A format's command, built from its exporter in the registry: the shared arguments, then the format's own
/// options (`trialexport digest --since …`). Adding a format adds its command without touching the CLI.
struct FormatCommand<E: Exporter>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: E.info.name, abstract: E.info.abstract)
    }

    @OptionGroup var common: FormatArguments
    @OptionGroup var options: E.CommandOptions

    func run() throws {
        var chosen = ExportOptions()
        do { try options.apply(to: &chosen, resourceRoot: Project.resourceRoot) } catch ExportError.usage(let message) {
            throw Report.usage(message)
        }
        try common.export(E.info.name, options: chosen)
    }
}

enum FormatCommands {
    /// One command per registered format, in registry order.
    static var all: [any ParsableCommand.Type] { ExporterRegistry.all.map { command(for: $0) } }

    private static func command<E: Exporter>(for _: E.Type) -> any ParsableCommand.Type { FormatCommand<E>.self }
}
