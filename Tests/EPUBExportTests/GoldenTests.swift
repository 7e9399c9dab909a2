import EPUBExport
import Foundation
import Testing
import TestSupport

/// Golden files for the PATINA EPUB's text documents. Regenerate after an intended change with
/// `UPDATE_GOLDEN=1 swift test --filter EPUBExportTests.GoldenTests`, review the diff, and run again without it.
@Suite struct GoldenTests {
    static let folder = TestSupport.repoRoot.appendingPathComponent("Tests/EPUBExportTests/Golden")

    @Test(arguments: ["EPUB/summary.xhtml", "EPUB/package.opf", "EPUB/nav.xhtml", "META-INF/container.xml", "EPUB/style.css"])
    func patinaMatchesGolden(path: String) throws {
        let actual = try EPUBFixture.file(EPUBFixture.patinaEPUB(), path)
        let golden = Self.folder.appendingPathComponent("patina-" + path.split(separator: "/").last!)
        try TestSupport.expectGolden(actual, at: golden)
    }
}
