import ExportKit
import Foundation
import Testing
@testable import PDFExport
import TestSupport
import TrialModel

/// Long content stays inside the text area; broken fonts and layouts, and text no font can draw, are reported.
@Suite struct HardeningTests {
    let fontsFolder = TestSupport.repoRoot.appendingPathComponent("fonts")

    @Test func wordsLongerThanTheLineBreakInsideTheWord() throws {
        let fonts = try FontSetup(fontsFolder: fontsFolder)
        let style = StyleSheet(try PDFLayouts.load("a4", layoutsFolder: TestSupport.repoRoot.appendingPathComponent("layouts"))).body
        for text in [String(repeating: "a", count: 5000), "https://example.org/" + String(repeating: "p", count: 1900),
                     String(repeating: "9", count: 400)] {
            let block = TextBlock(StyledText(text), style: style, width: 300, fonts: fonts)
            #expect(block.usedWidth <= 300.01 && block.lineCount > 1, "\(text.prefix(20)): \(block.usedWidth)")
        }
    }

    @Test func truncatedFontFileIsRefused() throws {
        let dir = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in try FontSetup.fontFiles(in: fontsFolder).map(\.lastPathComponent) {
            try FileManager.default.copyItem(at: fontsFolder.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        let victim = dir.appendingPathComponent("AtkinsonHyperlegible-Regular.ttf")
        let bytes = try Data(contentsOf: victim)
        _ = try FontSetup(fontsFolder: dir)   // intact copies load
        try bytes.prefix(bytes.count / 3).write(to: victim)
        #expect { _ = try FontSetup(fontsFolder: dir) } throws: { "\($0)".contains("AtkinsonHyperlegible-Regular.ttf: error: the font file is truncated") }
        try Data("this is certainly not a font file".utf8).write(to: victim)
        #expect { _ = try FontSetup(fontsFolder: dir) } throws: { "\($0)".contains("is not a TrueType or OpenType font") }
    }

    @Test func charactersNoFontHasAreALocatedWarning() throws {
        let original = try TestSupport.patina()
        let coverage = try GlyphCoverage(fontsFolder: fontsFolder)
        #expect(coverage.warnings(for: original).isEmpty)
        let source = String(decoding: original.sourceBytes, as: UTF8.self)
            .replacingOccurrences(of: "Multiple countries", with: "Multiple countries 한국어 ไทย")
        var summary = original.summary
        summary.trial.locations = "Multiple countries 한국어 ไทย"
        // A new LoadedSummary, as loading makes one: its derived views come from the summary it is given.
        let item = LoadedSummary(summary: summary, sourcePath: original.sourcePath, sourceBytes: Array(source.utf8))
        let w = coverage.warnings(for: item)
        #expect(w.count == 1)
        #expect(w.first?.description.hasPrefix("\(item.sourcePath):67:33: warning: the PDF fonts have no glyph for 6 characters: 한 (U+D55C)") == true,
                "\(w)")
    }

    @Test func textAreaTooSmallIsALocatedError() throws {
        let dir = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a4 = try String(contentsOf: TestSupport.repoRoot.appendingPathComponent("layouts/a4.yaml"), encoding: .utf8)
        let tiny = a4.replacingOccurrences(of: "  size: a4            # a4 | letter, or width/height in mm", with: "  width: 100\n  height: 100")
            .replacingOccurrences(of: ": 20\n", with: ": 40\n")
        try tiny.write(to: dir.appendingPathComponent("tiny.yaml"), atomically: true, encoding: .utf8)
        let line = try #require(tiny.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("margins:") }) + 2   // 1-based, and the error points at the first margin inside
        #expect(PDFLayouts.problems(layoutsFolder: dir).first?.contains("tiny.yaml:\(line):3: error: margins: the text area is 20 × 20 mm") == true,
                "\(PDFLayouts.problems(layoutsFolder: dir))")
        #expect(PDFLayouts.problems(layoutsFolder: TestSupport.repoRoot.appendingPathComponent("layouts")).isEmpty)
    }
}
