import Foundation
import Testing
import TestSupport
@testable import TrialModel

/// A translation may change every word, never a number: each changed number is a located error and the
/// translation is not exported.
@Suite struct TranslationCheckTests {
    static func library(_ edit: (String) -> String) throws -> (Library, String) {
        let dir = try TestSupport.temporaryFolder()
        let folder = TestSupport.summariesFolder
        try FileManager.default.copyItem(at: folder.appendingPathComponent("patina.yaml"), to: dir.appendingPathComponent("patina.yaml"))
        let es = try String(contentsOf: folder.appendingPathComponent("patina-es.yaml"), encoding: .utf8)
        let path = dir.appendingPathComponent("patina-es.yaml").path
        try edit(es).write(toFile: path, atomically: true, encoding: .utf8)
        return (Library.load(paths: [dir.path]), path)
    }

    @Test func theShippedTranslationMatchesItsOriginal() throws {
        let (lib, _) = try Self.library { $0 }
        #expect(lib.errors.isEmpty, "\(lib.errors)")
        #expect(lib.summaries.map(\.id) == ["patina", "patina-es"])
    }

    @Test func aChangedValueIsALocatedError() throws {
        let (lib, path) = try Self.library { $0.replacingOccurrences(of: "values: {palbociclib: 44.3, standard: 29.1}", with: "values: {palbociclib: 44.8, standard: 29.1}") }
        let e = try #require(lib.errors.first)
        #expect(e.description.hasPrefix("\(path):"))
        #expect(e.field == "outcomes[0].values.palbociclib" && e.message.contains("44.8") && e.message.contains("44.3"))
        #expect(lib.summaries.map(\.id) == ["patina"] && lib.failedFiles == [path])
    }

    @Test func enrolmentEffectAndMissingOriginal() throws {
        let (lib, _) = try Self.library {
            $0.replacingOccurrences(of: "enrollment: 518", with: "enrollment: 581").replacingOccurrences(of: "value: 0.75", with: "value: 0.57")
        }
        #expect(Set(lib.errors.map(\.field)) == ["trial.enrollment", "outcomes[0].effect.value"])
        let (orphan, _) = try Self.library { $0.replacingOccurrences(of: "translationOf: patina", with: "translationOf: patinax") }
        #expect(orphan.errors.map(\.field) == ["translationOf"])
    }

    @Test func anUnchangedOriginalIsStillCompared() throws {
        let (first, _) = try Self.library { $0.replacingOccurrences(of: "values: {palbociclib: 10.0, standard: 3.6}", with: "values: {palbociclib: 10.0, standard: 3.9}") }
        #expect(first.errors.count == 1)
        // The original known unchanged (not parsed by the caller): the check parses it anyway.
        let dir = URL(fileURLWithPath: first.failedFiles[0]).deletingLastPathComponent()
        let (sources, _) = Library.readSources(paths: [dir.path])
        let known = [dir.appendingPathComponent("patina.yaml").path: "patina"]
        let again = Library.load(sources: sources, known: known)
        #expect(again.errors.map(\.field) == ["outcomes[3].values.standard"])
    }
}
