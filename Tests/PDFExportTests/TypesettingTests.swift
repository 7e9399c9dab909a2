import Foundation
import Testing
@testable import PDFExport
import TestSupport
import TrialModel

@Suite struct TypesettingTests {
    let fonts: FontSetup
    let styles: StyleSheet

    init() throws {
        fonts = try FontSetup(fontsFolder: TestSupport.repoRoot.appendingPathComponent("fonts"))
        styles = StyleSheet(try PDFLayouts.load("a4", layoutsFolder: TestSupport.repoRoot.appendingPathComponent("layouts")))
    }

    @Test func singleLineTextEllipsizesInsteadOfWrapping() {
        let long = String(repeating: "A very long trial name ", count: 10)
        #expect(TextBlock(StyledText(long), style: styles.footer, width: 200, fonts: fonts, singleLine: true).lineCount == 1)
        #expect(TextBlock(StyledText(long), style: styles.footer, width: 200, fonts: fonts).lineCount > 1)
    }

    /// Lines sit on the layout's baseline grid: pitch = size × line spacing.
    @Test func lineSpacingFollowsTheLayout() {
        let block = TextBlock(StyledText(String(repeating: "word ", count: 80)), style: styles.body, width: 300, fonts: fonts)
        #expect(block.style.pitch == (14 * 1.45).rounded(toPlaces: 2))
        #expect(block.height == Double(block.lineCount) * block.style.pitch)
        #expect(abs(block.baseline(1) - block.baseline(0) - block.style.pitch) < 1e-9)
    }

    /// Rich text keeps its tree: strong and emphasis become styles, links keep their URL and get their address
    /// printed after the text, glossary terms read as ordinary words.
    @Test func richTextBecomesStyledRuns() {
        let rich = RichText([.strong([.text("Bold")]), .text(" and "), .emphasis([.text("italic")]), .text(", "),
                             .link(url: "https://example.org/", children: [.text("a link")]), .text(", "),
                             .term(id: "x", children: [.text("a term")])])
        let s = StyledText.rich(rich, linkColour: RGB(0, 0, 1))
        #expect(s.text == "Bold and italic, a link (https://example.org/), a term")
        #expect(s.links.map(\.url) == ["https://example.org/", "https://example.org/"])
        #expect(s.styles.contains { $0.style == .bold && $0.range == 0..<4 })
        #expect(s.styles.contains { $0.style == .italic })
    }

    /// Nothing on the page is set below 12 pt, or below 18 pt in large print: footers, captions, chart
    /// labels and the disclaimer included. The styles are read from the style sheet the layout gives (every
    /// `TextStyle` it holds, so a new style is checked without editing this test) and from the layout's type scale.
    @Test(arguments: ["a4", "letter", "large-print"]) func noTextBelowTheLayoutMinimum(_ name: String) throws {
        let layout = try PDFLayouts.load(name, layoutsFolder: TestSupport.repoRoot.appendingPathComponent("layouts"))
        let styles = Mirror(reflecting: StyleSheet(layout)).children.compactMap { c in (c.value as? TextStyle).map { (c.label ?? "?", $0.font.size) } }
        let scale = Mirror(reflecting: layout.type).children.compactMap { c in
            c.label == "lineSpacing" ? nil : (c.value as? Double).map { ("type." + (c.label ?? "?"), $0) }
        }
        #expect(styles.count >= 11, "the style sheet's styles were not found: \(styles)")
        let minimum = layout.largePrint ? 18.0 : 12.0
        let small = (styles + scale).filter { $0.1 < minimum }
        #expect(small.isEmpty, "below \(minimum) pt in \(name): \(small)")
    }
}
