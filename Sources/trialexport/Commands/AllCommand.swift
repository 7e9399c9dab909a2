import ArgumentParser
import ExportKit
import TrialExportCore

struct AllCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "all", abstract: "Export the whole library in every format (or those given with --formats).")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, parsing: .upToNextOption, help: "Comma-separated formats (default: all registered).",
            transform: { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } })
    var formats: [[String]] = []

    @Option(name: .long, help: "PDF layout to render (repeatable; default: the layouts in trialexport.yaml).",
            completion: .custom(Completions.layouts))
    var layout: [String] = []

    func validate() throws {
        for f in formats.flatMap({ $0 }) where ExporterRegistry.named(f) == nil {
            throw ValidationError("unknown format '\(f)'; known formats: \(ExporterRegistry.names.joined(separator: ", "))")
        }
    }

    func run() throws {
        try ExportRunner(project: project, output: output, formats: formats.flatMap { $0 },
                         exportOptions: ExportOptions(layouts: layout.isEmpty ? nil : layout)).run()
    }
}
