import Foundation
import Testing
@testable import PDFExport
import TestSupport
import TrialModel

/// Lines cut from one shaping pass (`WrappedLines`) must be exactly Pango's own wrapped lines: same breaks,
/// same runs, same glyphs and advances, so the handout's bytes do not change.
@Suite struct WrappedLinesTests {
    let fonts: FontSetup
    let styles: StyleSheet

    init() throws {
        fonts = try FontSetup(fontsFolder: TestSupport.repoRoot.appendingPathComponent("fonts"))
        styles = StyleSheet(try PDFLayouts.load("a4", layoutsFolder: TestSupport.repoRoot.appendingPathComponent("layouts")))
    }

    static let texts = [
        "For hormone-receptor-positive, HER2-positive metastatic breast cancer that had responded to first-line treatment, adding palbociclib (a CDK4/6 inhibitor) to maintenance therapy extended the time before the cancer progressed by more than 15 months.",
        "A hazard ratio of 0.75 means a 25% lower risk, at any given time, in the first group than in the second. Palbociclib (orally, 21 days on / 7 days off per cycle) added to trastuzumab.",
        "Tiny.",
        "Two  spaces between  words, a non\u{00A0}breaking space, an em dash — and an en dash – in a sentence; quotes “like these” and ‘these’, ellipsis… and AVAWAY Type Tomorrow’s “Yo”.",
        "Zoë Łukasiewicz, Ψ-β ≥ 2 µg/m² ± 0.5 → ✓ and more words to wrap this line over and over again.",
        "Look at https://clinicaltrials.gov/study/NCT02947685?tab=results#outcome-measures-and-more-text-here for details.",
        "Supercalifragilisticexpialidociousandthensomemorelettersthatnevereverendatallinthiscolumn and then words.",
        "Text that ends in a space ",
        "CDK4/6 inhibitors—pills like palbociclib—transformed treatment for hormone-receptor-positive, HER2-positive, well-known, long-lasting, first-line, open-label, anti-HER2/endocrine maintenance; Type-Token/AV-WA/To-Yo pairs.",
        "Kerning across hyphens: Tree-Top Vale-Yard Wave-Vault Lamp-Tower AT-TA Fly-Tower Kay-Young Vow-Wave Te-Ve To-Yo Pa-Ty/Ty-Pa AV/VA LT-TL.",
        "Zoë’s follow-up visits: 21-days-on/7-days-off, (re-)starting trastuzumab/pertuzumab, twenty-one-day cycles.",
    ]

    private func rich(_ text: String) -> StyledText {
        // Bold, italic and a link over parts of the text, with punctuation right after a styled word.
        var s = StyledText()
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        for (i, w) in words.enumerated() {
            if i > 0 { s.append(" ") }
            switch i % 7 {
            case 2: s.append(w, .bold)
            case 4: s.append(w, .italic)
            case 5: s.appendLink(w, url: "https://example.org/\(i)", linkColour: RGB(0, 0.3, 0.6))
            default: s.append(w)
            }
        }
        return s
    }

    @Test(arguments: Array(stride(from: 60.0, through: 460, by: 12.7)))
    func cutLinesAreExactlyPangosLines(width: Double) {
        for style in [styles.body, styles.small, styles.label, styles.heading] {
            for content in WrappedLinesTests.texts.flatMap({ [StyledText($0), rich($0)] }) {
                let cut = TextBlock(content, style: style, width: width, fonts: fonts)
                let pango = TextBlock(content, style: style, width: width, fonts: fonts, pangoWraps: true)
                #expect(!pango.cutFromOneShaping)
                #expect(cut.lineCount == pango.lineCount, "\(width) \(content.text)")
                #expect(cut.glyphLines == pango.glyphLines, "\(width) \(content.text)")
                #expect(cut.usedWidth == pango.usedWidth, "\(width) \(content.text)")
                #expect(cut.unknownGlyphs == pango.unknownGlyphs)
            }
        }
    }

    /// Ordinary paragraphs take the one-pass path (else it would save nothing); the rest falls back to Pango.
    @Test func ordinaryParagraphsAreShapedOnce() {
        let paragraph = TextBlock(StyledText(WrappedLinesTests.texts[0]), style: styles.body, width: 300, fonts: fonts)
        #expect(paragraph.cutFromOneShaping)
        #expect(paragraph.lineCount > 2)
        let styled = TextBlock(rich(WrappedLinesTests.texts[1]), style: styles.body, width: 300, fonts: fonts)
        #expect(styled.cutFromOneShaping)
        // Breaks after hyphens and slashes too: the pieces beside such a break are shaped again on their own.
        let text = Array(WrappedLinesTests.texts[8].utf8)
        let hardCuts = (100...400).filter { width in
            let block = TextBlock(StyledText(WrappedLinesTests.texts[8]), style: styles.body, width: Double(width), fonts: fonts)
            // Some line but the last ends right after a character that is not a space.
            return block.cutFromOneShaping && block.glyphLines.dropLast().contains { line in
                line.last.map { text[$0[0] + $0[1] - 1] != 0x20 } ?? false
            }
        }
        #expect(hardCuts.count > 50, "\(hardCuts.count)")
        // A word wider than the line breaks inside; forced line ends and ellipsized lines are Pango's.
        #expect(!TextBlock(StyledText(WrappedLinesTests.texts[6]), style: styles.body, width: 200, fonts: fonts).cutFromOneShaping)
        #expect(!TextBlock(StyledText("One\nTwo"), style: styles.body, width: 300, fonts: fonts).cutFromOneShaping)
        #expect(!TextBlock(StyledText(WrappedLinesTests.texts[0]), style: styles.footer, width: 200, fonts: fonts, singleLine: true).cutFromOneShaping)
    }
}
