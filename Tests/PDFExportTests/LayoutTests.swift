import ExportKit
import Foundation
import Testing
@testable import PDFExport
import TestSupport

@Suite struct LayoutTests {
    let folder = TestSupport.repoRoot.appendingPathComponent("layouts")

    @Test func listsEveryLayoutWithASummary() throws {
        let list = try PDFLayouts.list(layoutsFolder: folder)
        #expect(list.map(\.name) == ["a4", "brief-a4", "brief-letter", "large-print", "letter"])
        #expect(list.allSatisfy { !$0.summary.isEmpty })
    }

    @Test func shippedLayoutsMeetPrintGuidance() throws {
        for name in try PDFLayouts.names(in: folder) {
            let l = try PDFLayouts.load(name, layoutsFolder: folder)
            let minMargin = PageLayout.mm(20) - 0.001
            #expect([l.margins.top, l.margins.right, l.margins.bottom, l.margins.left].allSatisfy { $0 >= minMargin }, "\(name)")
            #expect((1.4...1.5).contains(l.type.lineSpacing), "\(name)")
            if l.largePrint {
                #expect([l.type.body, l.type.small, l.type.subheading].allSatisfy { $0 >= 18 }, "\(name)")
            } else {
                #expect((12...14).contains(l.type.body), "\(name)")
                #expect(l.type.small >= 12, "\(name)")
            }
            #expect(l.colours.text.contrast(with: .white) >= 4.5)
            #expect(l.colours.arms.allSatisfy { $0.contrast(with: .white) >= 3 })
        }
    }

    @Test func pageSizes() throws {
        let a4 = try PDFLayouts.load("a4", layoutsFolder: folder)
        let letter = try PDFLayouts.load("letter", layoutsFolder: folder)
        #expect(abs(a4.pageWidth - 595.276) < 0.01 && abs(a4.pageHeight - 841.89) < 0.01)
        #expect(letter.pageWidth == 612 && letter.pageHeight == 792)
    }

    /// Okabe-Ito on white, as the formats checklist computed: blue 5.19, vermillion 3.87, bluish green 3.42,
    /// reddish purple 3.06 (all ≥ 3:1 for graphics).
    @Test func okabeItoContrast() {
        let expected: [(String, Double)] = [("#0072B2", 5.19), ("#D55E00", 3.87), ("#009E73", 3.42), ("#CC79A7", 3.06)]
        for (hex, ratio) in expected {
            #expect(abs(RGB(hex: hex)!.contrast(with: .white) - ratio) < 0.01, "\(hex)")
        }
    }

    @Test func unknownLayoutNamesTheAvailableOnes() throws {
        do {
            _ = try PDFExporter(context: TestSupport.context(options: ExportOptions(variants: ["a5"])))
            Issue.record("expected an error")
        } catch let ExportError.configuration(message) {
            #expect(message.contains("'a5'"))
            #expect(message.contains("a4, brief-a4, brief-letter, large-print, letter"))
        }
    }

    @Test func invalidLayoutGetsLocatedErrors() throws {
        let dir = try TestSupport.temporaryFolder()
        let file = dir.appendingPathComponent("broken.yaml")
        try """
        name: Broken
        description: margins too small, a pale colour, a typo
        page:
          size: a3
        margins: {top: 10, right: 20, bottom: 20, left: 20}
        type:
          family: Atkinson Hyperlegible
          body: 9
          small: 12
          title: 24
          heading: 18
          subheading: 15
          lineSpacing: 1.45
          colour: red
        colours:
          text: "#DDDDDD"
          muted: "#4A4A4A"
          accent: "#0B4F7C"
          arms: ["#0072B2", "#F0E442"]
        """.write(to: file, atomically: true, encoding: .utf8)
        do {
            _ = try PDFLayouts.load("broken", layoutsFolder: dir)
            Issue.record("expected an error")
        } catch let ExportError.configuration(message) {
            let lines = message.split(separator: "\n").map(String.init)
            let expectations = [
                ("broken.yaml:4:9: error: page.size:", "a3"),
                ("broken.yaml:5:16: error: margins.top:", "outside 20…80 mm"),
                ("broken.yaml:8:9: error: type.body:", "outside 12…16 pt"),
                ("broken.yaml:14:3: error: type.colour:", "unknown key"),
                ("broken.yaml:16:9: error: colours.text:", "contrast"),
                ("broken.yaml:19:21: error: colours.arms[1]:", "contrast"),
            ]
            for (prefix, detail) in expectations {
                #expect(lines.contains { $0.contains(prefix) && $0.contains(detail) }, "missing \(prefix) … \(detail) in\n\(message)")
            }
        }
    }

    @Test func yamlSyntaxErrorIsLocated() throws {
        let dir = try TestSupport.temporaryFolder()
        try "name: [unclosed\n".write(to: dir.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        #expect(throws: ExportError.self) { try PDFLayouts.load("bad", layoutsFolder: dir) }
        do { _ = try PDFLayouts.load("bad", layoutsFolder: dir) } catch {
            #expect("\(error)".contains("bad.yaml:"))
            #expect("\(error)".contains("YAML syntax"))
        }
    }
}
