import Foundation
import FuzzChecks
import Testing

/// Every input the fuzzers kept (`make fuzz`, then committed under Corpus/) replayed through the same checks:
/// a crash the fuzzer once found stays fixed.
@Suite struct CorpusReplayTests {
    static func inputs(_ target: String) -> [URL] {
        let folder = Bundle.module.resourceURL!.appendingPathComponent("Corpus/\(target)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().map { folder.appendingPathComponent($0) }
    }

    @Test func corpusIsThere() {
        for target in ["loader", "inline", "mime"] { #expect(Self.inputs(target).count >= 5, "\(target)") }
    }

    @Test func loaderCorpus() throws {
        for url in Self.inputs("loader") { FuzzChecks.loader([UInt8](try Data(contentsOf: url))) }
    }

    @Test func inlineCorpus() throws {
        for url in Self.inputs("inline") { FuzzChecks.inline([UInt8](try Data(contentsOf: url))) }
    }

    @Test func mimeCorpus() throws {
        for url in Self.inputs("mime") { FuzzChecks.mime([UInt8](try Data(contentsOf: url))) }
    }
}
