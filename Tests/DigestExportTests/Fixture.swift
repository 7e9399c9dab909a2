import ExportKit
import Foundation
import Testing
import TestSupport
import TrialModel
@testable import DigestExport

/// Summaries built in code from PATINA's model (hostile titles, a fixed digest selection), golden files,
/// and the Python message check.
enum Fixture {
    static let folder = TestSupport.repoRoot.appendingPathComponent("Tests/DigestExportTests")
    static let checkScript = folder.appendingPathComponent("check_eml.py").path

    static func exporter(_ options: ExportOptions = ExportOptions(), settings: Settings = .defaults) throws -> DigestExporter {
        var c = TestSupport.context(options: options)
        c.settings = settings
        return try DigestExporter(context: c)
    }

    /// PATINA with another id, title, review date or category.
    static func variant(id: String, title: String, reviewed: String? = nil, category: TrialModel.Category? = nil) throws -> LoadedSummary {
        var s = try TestSupport.patina().summary
        s.id = id
        s.title = title
        if let reviewed { s.reviewed = Day(reviewed)! }
        if let category { s.category = category }
        return LoadedSummary(summary: s, sourcePath: "test/\(id).yaml", sourceBytes: Array(title.utf8))
    }

    /// The fixed selection behind the golden message: PATINA, a non-ASCII variant in another category,
    /// and an old one that `since` leaves out.
    static func goldenLibrary() throws -> [LoadedSummary] {
        [try variant(id: "old-trial", title: "An old summary the since filter leaves out", reviewed: "2025-01-10"),
         try variant(id: "elan-2", title: "ÉLAN-2 (fictional): 早期乳がん ± ≥ — a test variant with Ünïcödé and עברית",
                     reviewed: "2026-05-15", category: .preventingRecurrence),
         try TestSupport.patina()]
    }
    static let goldenOptions = options(since: Day("2026-01-01"))

    /// Run options carrying the digest's own selection, as `trialexport digest --since … --category … --date …` gives them.
    static func options(since: Day? = nil, categories: [TrialModel.Category] = [], date: Day? = nil) -> ExportOptions {
        var o = ExportOptions()
        o[DigestOptions.self] = DigestOptions(since: since, categories: categories, date: date)
        return o
    }

    /// Compares with `Golden/<name>` (`TestSupport.expectGolden`).
    static func expectGolden(_ name: String, _ actual: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) throws {
        try TestSupport.expectGolden(Data(actual), at: folder.appendingPathComponent("Golden").appendingPathComponent(name),
                                     sourceLocation: sourceLocation)
    }

    /// Writes the message (and its canonical text) to a temporary folder and runs check_eml.py on it.
    @discardableResult
    static func pythonCheck(_ digest: DigestExporter.Digest, subject: String? = nil) throws -> String {
        let dir = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let eml = dir.appendingPathComponent("digest.eml"), text = dir.appendingPathComponent("canonical.txt")
        try Data(digest.message).write(to: eml)
        try Data(digest.canonicalText.utf8).write(to: text)
        var args = [checkScript, eml.path, "--canonical", text.path]
        if let subject { args += ["--subject", subject] }
        let r = try TestSupport.run("python3", args)
        #expect(r.status == 0, "check_eml.py: \(r.stdout)\(r.stderr)")
        return r.stdout
    }
}
