import ArgumentParser
import Foundation
import TrialExportCore
import TrialModel

struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Write synthetic, clearly fictional summaries for benchmarks and tests.")

    @Option(name: .long, help: "How many summaries to write.")
    var count: Int = 10

    @Option(name: .long, help: "Random seed; the same seed always writes the same files.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Folder to write sample-N.yaml files into.")
    var output: String

    @Option(name: .long, help: ArgumentHelp("Language of the samples: \(Language.supportedList). Files are named sample-<language>-N.yaml for languages other than en.", valueName: "tag"))
    var language: String = "en"

    func validate() throws {
        if count < 1 || count > 1_000_000 { throw ValidationError("--count must be between 1 and 1000000") }
        if Language(tag: language) == nil {
            throw ValidationError("--language '\(language)' is not supported; choose one of \(Language.supportedList)")
        }
    }

    func run() throws {
        let generator = SampleGenerator(seed: seed, language: Language(tag: language) ?? .en)
        let writer = AtomicWriter()
        let folder = URL(fileURLWithPath: output)
        let failures = SampleWriter.write(count: count, generator: generator, writer: writer, folder: folder)
        for f in failures { FileHandle.standardError.write(Data((f + "\n").utf8)) }
        print("wrote \(count - failures.count) sample summaries to \(output)")
        if !failures.isEmpty { throw ExitCodeError.failed }
    }
}
