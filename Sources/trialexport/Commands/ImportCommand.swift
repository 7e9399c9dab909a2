import ArgumentParser
import CTGovImport
import Foundation
import TrialExportCore
import TrialModel

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Start a summary from a registry record.",
        subcommands: [CTGovImportCommand.self])
}

struct CTGovImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ctgov",
        abstract: "Write a summary draft from a ClinicalTrials.gov API v2 study record (JSON).",
        discussion: """
            Registry facts (id, phase, design, enrolment, status, arms, outcomes with values and analyses, adverse \
            events as percentages) are filled in; text that needs a plain-language rewrite and facts the record \
            lacks are written as {draft: …} and reported by validate as warnings. Repaired text (HTML entities, \
            escapes, Markdown, mojibake) and anything the importer could not decide are listed.
            """)

    @Argument(help: "The record: the JSON of https://clinicaltrials.gov/api/v2/studies/NCT…")
    var record: String

    @Option(name: .long, help: "Summary id (default: the acronym, else the NCT id, as a slug).")
    var id: String?

    @Option(name: .long, help: "Folder to write <id>.yaml into.")
    var output: String = "summaries"

    @Flag(name: .long, help: "Replace an existing summary file.")
    var force = false

    func validate() throws {
        if let id, !Slug.isValid(id) { throw ValidationError("--id '\(id)' is not a valid id: use lower-case letters, digits and dashes") }
    }

    func run() throws {
        let study: CTGovStudy
        do { study = try RecordReader.read(file: record) } catch let e as RecordError {
            FileHandle.standardError.write(Data((e.description + "\n").utf8))
            throw ExitCodeError.failed
        }
        let result = CTGovImporter.summary(from: study, id: id)
        let target = URL(fileURLWithPath: output).appendingPathComponent("\(result.summary.id).yaml")
        if FileManager.default.fileExists(atPath: target.path) && !force {
            FileHandle.standardError.write(Data("\(target.path): error: the file exists; pass --force to replace it, or --id to choose another id\n".utf8))
            throw ExitCodeError.failed
        }
        let yaml = try SummaryWriter.yaml(result.summary)
        // The importer's own output must load: a draft an editor cannot open would be worse than none.
        let check = SummaryReader.read(yaml: yaml, file: target.path)
        let errors = check.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty {
            for e in errors { FileHandle.standardError.write(Data((e.description + "\n").utf8)) }
            FileHandle.standardError.write(Data("\(record): error: the imported summary does not validate; nothing was written\n".utf8))
            throw ExitCodeError.failed
        }
        try AtomicWriter().write(Data(yaml.utf8), to: target)
        for r in result.repairs { print("\(record): repaired: \(r)") }
        for u in result.undecided { print("\(record): cannot decide: \(u)") }
        let s = result.summary
        print("wrote \(target.path): \(s.arms.count) arms, \(s.outcomes.count) outcomes, \(s.drafts.count) drafts to review (trialexport validate lists them)")
    }
}
