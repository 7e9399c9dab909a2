import ArgumentParser
import ExportKit
import TrialExportCore

/// Which formats and PDF layouts a whole-library run produces (`all`, `watch`).
struct FormatOptions: ParsableArguments {
    @Option(name: .long, parsing: .upToNextOption, help: "Comma-separated formats (default: all registered).",
            transform: { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } })
    var formats: [[String]] = []

    @Option(name: .long, help: "PDF layout to render (repeatable; default: the layouts in trialexport.yaml).",
            completion: ResourceCompletion.names("layouts", suffix: ".yaml"))
    var layout: [String] = []

    var names: [String] { formats.flatMap { $0 } }
    var exportOptions: ExportOptions { ExportOptions(variants: layout.isEmpty ? nil : layout) }

    func validate() throws {
        for f in names where ExporterRegistry.named(f) == nil {
            throw ValidationError("unknown format '\(f)'; known formats: \(ExporterRegistry.names.joined(separator: ", "))")
        }
    }
}
