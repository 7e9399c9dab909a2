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

    func validate() throws {
        if count < 1 || count > 1_000_000 { throw ValidationError("--count must be between 1 and 1000000") }
    }

    func run() throws {
        let generator = SampleGenerator(seed: seed)
        let writer = AtomicWriter()
        let folder = URL(fileURLWithPath: output)
        let failures = SampleWriter.write(count: count, generator: generator, writer: writer, folder: folder)
        for f in failures { FileHandle.standardError.write(Data((f + "\n").utf8)) }
        print("wrote \(count - failures.count) sample summaries to \(output)")
        if !failures.isEmpty { throw ExitCodeError.failed }
    }
}
