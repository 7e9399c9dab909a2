import EPUBExport
import Foundation
import Testing
import TestSupport

/// Golden files for the PATINA EPUB's text documents. Regenerate after an intended change with
/// `UPDATE_GOLDEN=1 swift test --filter EPUBExportTests.GoldenTests` and review the diff.
@Suite struct GoldenTests {
    static let folder = TestSupport.repoRoot.appendingPathComponent("Tests/EPUBExportTests/Golden")

    @Test(arguments: ["EPUB/summary.xhtml", "EPUB/package.opf", "EPUB/nav.xhtml", "META-INF/container.xml", "EPUB/style.css"])
    func patinaMatchesGolden(path: String) throws {
        let actual = try EPUBFixture.file(EPUBFixture.patinaEPUB(), path)
        let golden = Self.folder.appendingPathComponent("patina-" + path.split(separator: "/").last!)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try actual.write(to: golden)
        }
        let expected = try Data(contentsOf: golden)
        #expect(actual == expected, "\(path) differs from \(golden.lastPathComponent); run with UPDATE_GOLDEN=1 if intended")
    }
}
