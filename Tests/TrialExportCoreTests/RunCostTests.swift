import ExportKit
import Foundation
import Testing
import TestSupport
@testable import TrialExportCore
import TrialModel

/// What the batch engine does around the jobs (docs/performance.md, issue 18 fifth round): the same answers as
/// before, reached with less work on one core.
@Suite struct RunCostTests {
    /// The digest's hex, written directly, is the lower-case hex of SHA-256 (FIPS 180-2 test vectors).
    @Test func digestHexIsLowerCaseSHA256() throws {
        #expect(Hashing.sha256([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Hashing.sha256(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Hashing.sha256(Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        let file = try TestSupport.temporaryFolder().appendingPathComponent("abc")
        try Data("abc".utf8).write(to: file)
        #expect(try Hashing.sha256(fileAt: file) == ("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", 3))
    }

    /// Jobs run one format and variant after another, after the collections, each with its summary's input hash.
    @Test func jobsRunFormatByFormatWithTheirInputHashes() throws {
        let dir = try TestSupport.temporaryFolder()
        #expect(SampleWriter.write(count: 3, generator: SampleGenerator(seed: 3), writer: AtomicWriter(), folder: dir).isEmpty)
        let lib = Library.load(paths: [dir.path])
        let context = TestSupport.context()
        let engine = BatchEngine(exporters: [try TestExporter(context: context)], context: context,
                                 options: BatchOptions(outputFolder: try TestSupport.temporaryFolder(), jobs: 2, quiet: true))
        let jobs = engine.makeJobs(lib.summaries, collectionLibrary: lib.summaries, unchanged: [:])
        #expect(jobs.first?.summaryID == "")
        #expect(jobs.dropFirst().map(\.variant) == ["one", "one", "one", "two", "two", "two"])
        #expect(jobs.dropFirst().map(\.summaryID) == (lib.summaries + lib.summaries).map(\.id))
        let hasher = InputHasher(exporters: [try TestExporter(context: context)])
        for job in jobs.dropFirst() {
            guard case .summary(let s) = job.kind else { Issue.record("not a summary job"); continue }
            #expect(job.inputHash == hasher.summaryHash(job.exporter, variant: job.variant, sourceDigest: Hashing.sha256(s.sourceBytes)))
        }
    }

    /// A folder named by two places (`--resources` naming the project it runs in) is used as it is, not gathered
    /// into a folder of links.
    @Test func aFolderNamedTwiceIsUsedAsItIs() throws {
        let root = TestSupport.repoRoot
        let twice = ResourceSearch(places: [.init(label: "--resources", folder: root), .init(label: "project folder", folder: root),
                                            .init(label: "install prefix", folder: nil)])
        #expect(try twice.resolve().standardizedFileURL.path == root.standardizedFileURL.path)
        #expect(twice.folders("fonts").count == 1)
    }
}
