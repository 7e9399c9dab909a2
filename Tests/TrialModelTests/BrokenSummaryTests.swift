import Foundation
import Testing
import TestSupport
@testable import TrialModel

/// Each file in Fixtures/broken starts with `# expect: LINE: SEVERITY: TEXT`; loading it must report that.
@Suite struct BrokenSummaryTests {
    static let folder = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/broken")
    static let files: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()

    @Test func corpusIsLargeEnough() { #expect(Self.files.count >= 15) }

    @Test(arguments: files)
    func reportsTheLocatedProblem(_ name: String) throws {
        let path = Self.folder.appendingPathComponent(name).path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let header = String(text.prefix { $0 != "\n" }).dropFirst("# expect: ".count)
        let parts = header.split(separator: ":", maxSplits: 2).map { $0.trimmingCharacters(in: .whitespaces) }
        let line = try #require(Int(parts[0]))
        let severity = parts[1], message = parts[2]
        let lib = Library.load(paths: [path])
        let hit = lib.diagnostics.first { $0.line == line && $0.severity.rawValue == severity && $0.description.contains(message) }
        #expect(hit != nil, "expected \(line): \(severity): \(message); got \(lib.diagnostics.map(\.description))")
        #expect(hit?.description.hasPrefix("\(path):\(line):") == true)
        if severity == "error" { #expect(lib.summaries.isEmpty && lib.failedFiles == [path]) }
    }

    @Test func minimalFixtureIsValid() {
        let lib = Library.load(paths: [Self.folder.deletingLastPathComponent().appendingPathComponent("minimal.yaml").path])
        #expect(lib.diagnostics.isEmpty, "\(lib.diagnostics)")
        #expect(lib.summaries.count == 1)
    }

    @Test func duplicateIdsAcrossFilesAreReported() throws {
        let dir = try TestSupport.temporaryFolder()
        let minimal = Self.folder.deletingLastPathComponent().appendingPathComponent("minimal.yaml")
        for n in ["a.yaml", "b.yaml"] { try FileManager.default.copyItem(at: minimal, to: dir.appendingPathComponent(n)) }
        // With no previous owner, file-name order decides nothing: both are refused, each at its id.
        let lib = Library.load(paths: [dir.path])
        #expect(lib.summaries.isEmpty)
        #expect(lib.disputedIDs == ["minimal"])
        for n in ["a.yaml", "b.yaml"] {
            #expect(lib.diagnostics.contains { $0.file.hasSuffix(n) && $0.line == 2 && $0.message.contains("duplicate id 'minimal'") })
        }
        // The file that owned the id before keeps it.
        let owned = Library.load(sources: Library.readSources(paths: [dir.path]).0, owners: ["minimal": dir.appendingPathComponent("b.yaml").path])
        #expect(owned.summaries.map(\.sourcePath) == [dir.appendingPathComponent("b.yaml").path])
        #expect(owned.failedFiles == [dir.appendingPathComponent("a.yaml").path])
    }

    @Test func invalidUTF8NamesItsLine() throws {
        let dir = try TestSupport.temporaryFolder()
        let file = dir.appendingPathComponent("latin1.yaml")
        try Data("id: x\ntitle: caf\u{E9}\n".utf8.map { $0 }).write(to: file)
        var bytes = [UInt8]("schemaVersion: 1\ntitle: caf".utf8)
        bytes.append(0xE9)
        try Data(bytes).write(to: file)
        let lib = Library.load(paths: [file.path])
        #expect(lib.diagnostics.first?.line == 2)
        #expect(lib.diagnostics.first?.message.contains("UTF-8") == true)
    }
}
