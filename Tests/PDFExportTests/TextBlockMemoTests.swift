import ExportKit
import Foundation
import Testing
@testable import PDFExport
import TestSupport
import TrialModel

/// `TextBlockMemo`: a text set again with the same style and width on the same worker is the block laid out
/// before, and a handout set from the memo has the bytes of one set from scratch.
@Suite struct TextBlockMemoTests {
    let fonts: FontSetup
    let styles: StyleSheet

    init() throws {
        fonts = try FontSetup(fontsFolder: TestSupport.repoRoot.appendingPathComponent("fonts"))
        styles = StyleSheet(try PDFLayouts.load("a4", layoutsFolder: TestSupport.repoRoot.appendingPathComponent("layouts")))
    }

    @Test func theSameTextStyleAndWidthGiveTheSameBlock() {
        let text = StyledText("Key facts about the trial")
        let a = TextBlock.laidOut(text, style: styles.body, width: 200, fonts: fonts)
        #expect(TextBlock.laidOut(text, style: styles.body, width: 200, fonts: fonts) === a)
        #expect(TextBlock.laidOut(text, style: styles.body, width: 201, fonts: fonts) !== a)
        #expect(TextBlock.laidOut(text, style: styles.label, width: 200, fonts: fonts) !== a)
        #expect(TextBlock.laidOut(text, style: styles.body.withColour(RGB(1, 0, 0)), width: 200, fonts: fonts) !== a)
        #expect(TextBlock.laidOut(text, style: styles.body, width: 200, fonts: fonts, singleLine: true) !== a)
        var bold = text
        bold.append(" now", .bold)
        var plain = text
        plain.append(" now")
        #expect(TextBlock.laidOut(bold, style: styles.body, width: 200, fonts: fonts)
                !== TextBlock.laidOut(plain, style: styles.body, width: 200, fonts: fonts))
        var linked = StyledText()
        linked.appendLink("example.org", url: "https://example.org/", linkColour: RGB(0, 0, 1))
        var other = StyledText()
        other.appendLink("example.org", url: "https://example.com/", linkColour: RGB(0, 0, 1))
        #expect(TextBlock.laidOut(linked, style: styles.body, width: 200, fonts: fonts)
                !== TextBlock.laidOut(other, style: styles.body, width: 200, fonts: fonts))
    }

    /// Texts are keyed by their UTF-8 bytes: a non-ASCII text set again is found (one lookup, no normalising
    /// hash), and two canonically equivalent spellings (precomposed é, and e with a combining acute) are two
    /// blocks, each drawing its own bytes, where `String` equality would have handed back the other's glyphs.
    @Test func textsAreKeyedByTheirBytes() {
        let arabic = StyledText("نتائج التجربة الرئيسية")
        let a = TextBlock.laidOut(arabic, style: styles.body, width: 200, fonts: fonts)
        #expect(TextBlock.laidOut(StyledText("نتائج التجربة " + "الرئيسية"), style: styles.body, width: 200, fonts: fonts) === a)
        let composed = StyledText("caf\u{E9}"), decomposed = StyledText("cafe\u{301}")
        #expect(composed.text == decomposed.text)
        let c = TextBlock.laidOut(composed, style: styles.body, width: 200, fonts: fonts)
        let d = TextBlock.laidOut(decomposed, style: styles.body, width: 200, fonts: fonts)
        #expect(c !== d)
        #expect(TextBlock.laidOut(decomposed, style: styles.body, width: 200, fonts: fonts) === d)
        #expect(TextBlockMemo.Key(composed, style: styles.body, width: 200, singleLine: false)
                != TextBlockMemo.Key(decomposed, style: styles.body, width: 200, singleLine: false))
    }

    /// Pango lays a layout out again when its context's language changes: the memo starts afresh then.
    @Test func anotherLanguageStartsAfresh() {
        let text = StyledText("Hola")
        fonts.begin(language: "en")
        let en = TextBlock.laidOut(text, style: styles.body, width: 200, fonts: fonts)
        fonts.begin(language: "es")
        let es = TextBlock.laidOut(text, style: styles.body, width: 200, fonts: fonts)
        #expect(es !== en)
        #expect(TextBlock.laidOut(text, style: styles.body, width: 200, fonts: fonts) === es)
    }

    /// PATINA twice on one worker (the second from the memo), then in Spanish, then again in English: the
    /// same bytes as on fresh workers.
    @Test func handoutsFromTheMemoHaveTheSameBytes() throws {
        let exporter = try Handout.exporter(["a4"])
        let (en, es) = try TestSupport.patinaVersions()
        let worker = WorkerCache()
        let first = try exporter.renderHandout(en, variant: "a4", worker: worker).pdf
        let again = try exporter.renderHandout(en, variant: "a4", worker: worker).pdf
        let spanish = try exporter.renderHandout(es, variant: "a4", worker: worker).pdf
        let afterSpanish = try exporter.renderHandout(en, variant: "a4", worker: worker).pdf
        let freshSpanish = try exporter.renderHandout(es, variant: "a4", worker: WorkerCache()).pdf
        #expect(again == first)
        #expect(afterSpanish == first)
        #expect(spanish == freshSpanish)
    }

    /// The memo belongs to its font setup and is emptied before the setup destroys its Fontconfig configuration:
    /// setups made and dropped one after another (as tests and watch rounds do) never free a block late.
    @Test func aSetupTakesItsBlocksWithIt() throws {
        let folder = TestSupport.repoRoot.appendingPathComponent("fonts")
        for round in 0..<3 {
            let setup = try FontSetup(fontsFolder: folder)
            let block = TextBlock.laidOut(StyledText("Round \(round) of the memo"), style: styles.body, width: 200, fonts: setup)
            #expect(block.lineCount >= 1)
            #expect(setup.memo.count == 1)
            #expect(fonts.memo.count == 0 || fonts.memo !== setup.memo)
        }
        let kept = try FontSetup(fontsFolder: folder)
        _ = TextBlock.laidOut(StyledText("kept"), style: styles.body, width: 200, fonts: kept)
        kept.memo.removeAll()
        #expect(kept.memo.count == 0)
    }
}
