import ArgumentParser
import ExportKit
import Foundation
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

struct PDFCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pdf", abstract: "Export PDF patient handouts.")

    @OptionGroup var common: FormatArguments

    @Option(name: .long, help: "Layout to render (repeatable; default: the layouts in trialexport.yaml). See `trialexport layouts`.",
            completion: .custom(Completions.layouts))
    var layout: [String] = []

    func run() throws {
        let options = ExportOptions(layouts: layout.isEmpty ? nil : layout)
        try common.export("pdf", options: options)
    }
}

struct EPUBCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "epub", abstract: "Export an EPUB 3 per summary and the collection of the selected summaries.")

    @OptionGroup var common: FormatArguments

    func run() throws {
        try common.export("epub")
    }
}

struct DigestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest", abstract: "Export plain-text digests and one newsletter message (digest.eml).")

    @OptionGroup var common: FormatArguments

    @Option(name: .long, help: "Only summaries reviewed on or after this date (YYYY-MM-DD).", transform: Parse.day)
    var since: Day?

    @Option(name: .long, help: "Only this category (repeatable), e.g. \"Treating the cancer\".", transform: Parse.category)
    var category: [TrialModel.Category] = []

    @Option(name: .long, help: "Date header of the message (YYYY-MM-DD; default: newest review date).", transform: Parse.day)
    var date: Day?

    func run() throws {
        let options = ExportOptions(since: since, categories: category, date: date)
        try common.export("digest", options: options)
    }
}

struct JSONLDCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jsonld", abstract: "Export schema.org JSON-LD documents, HTML snippets and the collection list.")

    @OptionGroup var common: FormatArguments

    func run() throws {
        try common.export("jsonld")
    }
}

enum Parse {
    static func day(_ s: String) throws -> Day {
        guard let d = Day(s) else { throw ValidationError("'\(s)' is not a date YYYY-MM-DD") }
        return d
    }

    static func category(_ s: String) throws -> TrialModel.Category {
        if let c = TrialModel.Category(rawValue: s) ?? TrialModel.Category.allCases.first(where: { $0.rawValue.lowercased() == s.lowercased() }) {
            return c
        }
        throw ValidationError("'\(s)' is not a category; categories: \(TrialModel.Category.allCases.map(\.rawValue).joined(separator: ", "))")
    }
}
