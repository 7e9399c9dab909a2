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
        // Forced line ends, as in the handout's address blocks: each paragraph is cut on its own.
        "Read this summary online\nhttps://cleartrials.example.org/summaries/patina-2024-breast-cancer\nReviewed on 3 March 2025 by the Clear Trials patient panel · Clear Trials Network.",
        "Published in\nThe New England Journal of Medicine, 2024; long-term follow-up/extension data\nhttps://doi.org/10.1056/NEJMoa2400001 \nx",
    ]

    /// Right-to-left and mixed paragraphs: Arabic (joining, lam-alef ligatures, marks, Western and Arabic-Indic
    /// digits, Latin names and codes inside), Hebrew (points, maqaf), both with Latin, and Latin alone.
    static let rightToLeftTexts = [
        "أضاف الباحثون دواء بالبوسيكليب (palbociclib) إلى العلاج، فتأخر تقدم السرطان أكثر من 15 شهرًا لدى 518 مريضة في التجربة NCT02947685.",
        "نسبة الخطر 0.75 تعني خطرًا أقل بنسبة 25% في أي وقت، في المجموعة الأولى مقارنة بالمجموعة الثانية: حوالي 8 من كل 10 أشخاص.",
        "قصير.",
        "الاستراتيجياتوالمستشفياتوالمختبراتوالتجاربالسريريةوالمزيدمنالحروف ثم كلمات أخرى.",
        "العلاج HER2-positive مع trastuzumab/pertuzumab لمدة 21 يومًا ثم 7 أيام راحة (CDK4/6)، والدواء مرة-واحدة/يوميًا.",
        "اقرأ هذا الملخص على https://clinicaltrials.gov/study/NCT02947685?tab=results#outcome-measures للمزيد.",
        "نص ينتهي بمسافة ",
        "مسافتان  بين  الكلمات، ومسافة\u{00A0}غير منقسمة، وشرطة — في الجملة؛ «علامات اقتباس» وعلامة استفهام؟ نعم!",
        "لا إله إلا الله؛ الأطفال والآباء لا يلاحظون الفرق. مُعَالَجَةٌ بِالدَّوَاءِ لِمُدَّةِ سَنَةٍ كَامِلَةٍ.",
        "بعد ١٢ شهرًا، كان ٤٥٪ من المرضى بخير، مقابل ٣٠٪ في المجموعة الأخرى (١ من كل ٣ تقريبًا).",
        "הוספת פלבוציקליב (palbociclib) לטיפול האחזקה האריכה את הזמן עד שהסרטן התקדם ביותר מ-15 חודשים אצל 518 נשים.",
        "יחס סיכונים של 0.75 פירושו סיכון נמוך ב-25% בכל זמן נתון; בערך 8 מתוך 10 אנשים הרגישו טוב יותר.",
        "בְּרֵאשִׁית בָּרָא אֱלֹהִים אֵת הַשָּׁמַיִם וְאֵת הָאָרֶץ, וְהָאָרֶץ הָיְתָה תֹהוּ וָבֹהוּ.",
        "בית־החולים בתל־אביב ובראש־השנה: מילים עם מקף עברי, ו\"מירכאות\" ו־3/4 מהמטופלים.",
        "Palbociclib 125 mg أطول وقت before progression (HR 0.58; 95% CI 0.42–0.80) וגם בעברית too, 8 من 10.",
        "اقرأ هذا الملخص على الإنترنت\nhttps://cleartrials.example.org/summaries/patina\nراجعته لجنة المرضى في 3 مارس 2025 · شبكة التجارب الواضحة.",
        WrappedLinesTests.texts[0],
        WrappedLinesTests.texts[8],
        WrappedLinesTests.texts[9],
        WrappedLinesTests.texts[11],
    ]

    /// Chinese, where a line may end between any two characters (not only after a space): hanzi with Chinese
    /// punctuation that may not start or end a line, Latin names, codes and numbers from the main font inside.
    static let chineseTexts = [
        "在这项虚构的试验中，在标准治疗中加用sotorexib改变了人们在癌症不增长的情况下生存的时间。",
        "【虚构】TUNDRA-1：对于转移性去势抵抗性前列腺癌患者，在至少两线治疗后癌症仍增长（包括有脑转移者），在ribonexin基础上加用sotorexib。",
        "风险比为0.75意味着在任何时间，第一组的风险比第二组低25%；大约每10人中有8人感觉更好。",
        "两组之间随时间变化的风险比较；小于1表示对第一组有利。人们在癌症不增长、不扩散的情况下生存的时间，中位数为44.3个月（95% CI 0.42–0.80）。",
        "请在网上阅读本摘要：https://clinicaltrials.gov/study/NCT02947685?tab=results 了解更多。",
        "短。",
        "“引号”和「直角引号」、书名号《临床肿瘤学杂志》以及省略号……和破折号——都不能出现在行首或行尾的错误位置。",
        "研究人员在加拿大、挪威、美国和西班牙的医院招募了139名患者，将他们随机分为两组，每组人数大致相同，并比较了两组的结果。",
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

    /// The same comparison for right-to-left handouts (Arabic and Hebrew) and for an English one holding
    /// Arabic and Hebrew: also where each line starts (right-aligned lines).
    @Test(arguments: Array(stride(from: 60.0, through: 460, by: 12.7)))
    func cutRightToLeftLinesAreExactlyPangosLines(width: Double) throws {
        let fonts = try FontSetup(fontsFolder: TestSupport.repoRoot.appendingPathComponent("fonts"), scripts: [.arabic, .hebrew])
        expectPangosLines(WrappedLinesTests.rightToLeftTexts, languages: ["ar", "he", "en"], fonts: fonts, width: width)
    }

    /// Each text, plain and styled, in each language and style: the cut lines are Pango's (lines, glyphs, widths,
    /// where each line starts), with every glyph known.
    private func expectPangosLines(_ texts: [String], languages: [String], fonts: FontSetup, width: Double) {
        for language in languages {
            fonts.begin(language: language)
            for style in [styles.body, styles.small, styles.label, styles.heading] {
                for content in texts.flatMap({ [StyledText($0), rich($0)] }) {
                    let cut = TextBlock(content, style: style, width: width, fonts: fonts)
                    let pango = TextBlock(content, style: style, width: width, fonts: fonts, pangoWraps: true)
                    #expect(cut.lineCount == pango.lineCount, "\(language) \(width) \(content.text)")
                    #expect(cut.glyphLines == pango.glyphLines, "\(language) \(width) \(content.text)")
                    #expect(cut.usedWidth == pango.usedWidth, "\(language) \(width) \(content.text)")
                    #expect(cut.usedLeft == pango.usedLeft, "\(language) \(width) \(content.text)")
                    #expect(cut.lineStarts == pango.lineStarts, "\(language) \(width) \(content.text)")
                    #expect(cut.unknownGlyphs == 0 && pango.unknownGlyphs == 0)
                }
            }
        }
    }

    /// The same comparison for Chinese, where most breaks are between two characters rather than after a space.
    @Test(arguments: Array(stride(from: 60.0, through: 460, by: 12.7)))
    func cutChineseLinesAreExactlyPangosLines(width: Double) throws {
        let fonts = try FontSetup(fontsFolder: TestSupport.repoRoot.appendingPathComponent("fonts"), scripts: [.han])
        expectPangosLines(WrappedLinesTests.chineseTexts, languages: ["zh-Hans"], fonts: fonts, width: width)
    }

    /// Chinese paragraphs are cut too, though nearly every line ends between two characters: a break just past the
    /// line's end is measured by shaping the line up to it, as Pango measures it, instead of leaving the paragraph
    /// to Pango.
    @Test func chineseParagraphsAreShapedOnce() throws {
        let fonts = try FontSetup(fontsFolder: TestSupport.repoRoot.appendingPathComponent("fonts"), scripts: [.han])
        fonts.begin(language: "zh-Hans")
        var cut = 0, all = 0
        for text in WrappedLinesTests.chineseTexts {
            for style in [styles.body, styles.small, styles.heading] {
                for width in stride(from: 100.0, through: 400, by: 3) {
                    let block = TextBlock(StyledText(text), style: style, width: width, fonts: fonts)
                    guard block.lineCount > 1 else { continue }
                    all += 1
                    if block.cutFromOneShaping { cut += 1 }
                }
            }
        }
        #expect(cut * 10 >= all * 9, "\(cut) of \(all)")
    }

    /// Right-to-left paragraphs are cut too, mixed ones included; a word wider than the line is still Pango's.
    @Test func rightToLeftParagraphsAreShapedOnce() throws {
        let fonts = try FontSetup(fontsFolder: TestSupport.repoRoot.appendingPathComponent("fonts"), scripts: [.arabic, .hebrew])
        fonts.begin(language: "ar")
        // Nearly every width: a break Pango would measure close to the line's end is still Pango's.
        for text in [WrappedLinesTests.rightToLeftTexts[0], WrappedLinesTests.rightToLeftTexts[4], WrappedLinesTests.rightToLeftTexts[14]] {
            let widths = Array(stride(from: 150.0, through: 400, by: 10))
            let cut = widths.filter { TextBlock(rich(text), style: styles.body, width: $0, fonts: fonts).cutFromOneShaping }
            #expect(cut.count * 10 >= widths.count * 8, "\(cut.count) of \(widths.count): \(text)")
            #expect(TextBlock(rich(text), style: styles.body, width: cut.first ?? 0, fonts: fonts).lineCount > 2)
        }
        #expect(!TextBlock(StyledText(WrappedLinesTests.rightToLeftTexts[3]), style: styles.body, width: 200, fonts: fonts).cutFromOneShaping)
        fonts.begin(language: "he")
        #expect(TextBlock(StyledText(WrappedLinesTests.rightToLeftTexts[10]), style: styles.body, width: 200, fonts: fonts).cutFromOneShaping)
    }

    /// Text with forced line ends is cut paragraph by paragraph: as many lines as Pango's, each paragraph's
    /// wrapped as if alone.
    @Test func lineEndsStartParagraphsThatAreCutOnTheirOwn() {
        let two = TextBlock(StyledText("One\nTwo"), style: styles.body, width: 300, fonts: fonts)
        #expect(two.cutFromOneShaping && two.lineCount == 2)
        let address = WrappedLinesTests.texts[11]
        let block = TextBlock(StyledText(address), style: styles.body, width: 200, fonts: fonts)
        #expect(block.cutFromOneShaping)
        let alone = address.split(separator: "\n").map {
            TextBlock(StyledText(String($0)), style: styles.body, width: 200, fonts: fonts).lineCount
        }
        #expect(alone.count == 3 && block.lineCount == alone.reduce(0, +) && block.lineCount > 3, "\(alone)")
    }

    /// A paragraph that ends in a space before a forced line end keeps the space's width when Pango weighs its
    /// last break, unlike a break inside the paragraph (the DOI line of a publication block, 350.7 pt wide, was one
    /// line 354.2 pt wide instead of Pango's two).
    @Test func aSpaceBeforeALineEndCountsAtTheParagraphsEnd() {
        for style in [styles.body, styles.small, styles.label, styles.heading] {
            for width in stride(from: 300.0, through: 400, by: 0.7) {
                let content = StyledText(WrappedLinesTests.texts[12])
                let cut = TextBlock(content, style: style, width: width, fonts: fonts)
                let pango = TextBlock(content, style: style, width: width, fonts: fonts, pangoWraps: true)
                #expect(cut.glyphLines == pango.glyphLines && cut.usedWidth == pango.usedWidth, "\(width)")
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
        #expect(!TextBlock(StyledText("One\tTwo"), style: styles.body, width: 300, fonts: fonts).cutFromOneShaping)
        #expect(!TextBlock(StyledText("One\r\nTwo"), style: styles.body, width: 300, fonts: fonts).cutFromOneShaping)
        #expect(!TextBlock(StyledText("One\n\nTwo"), style: styles.body, width: 300, fonts: fonts).cutFromOneShaping)
        #expect(!TextBlock(StyledText(WrappedLinesTests.texts[0]), style: styles.footer, width: 200, fonts: fonts, singleLine: true).cutFromOneShaping)
    }

    /// Visual order by rule L2 (reverse stretches from the highest level down to the lowest odd one) is the
    /// order Pango's `reorder_runs_recurse` gives, here transcribed as the reference, over every sequence of up
    /// to 6 runs with levels 0 to 3 and pseudo-random longer ones.
    @Test func visualOrderIsPangosRecursiveReordering() {
        func pango(_ items: ArraySlice<Int>, _ levels: [UInt8]) -> [Int] {
            guard let minLevel = items.map({ levels[$0] }).min() else { return [] }
            var result: [Int] = []
            var start = items.startIndex
            for i in items.indices where levels[items[i]] == minLevel {
                if minLevel % 2 == 1 {
                    result = [items[i]] + pango(items[start..<i], levels) + result
                } else {
                    result += pango(items[start..<i], levels) + [items[i]]
                }
                start = i + 1
            }
            let rest = pango(items[start..<items.endIndex], levels)
            return minLevel % 2 == 1 ? rest + result : result + rest
        }
        func check(_ levels: [UInt8]) {
            let items = Array(levels.indices)
            #expect(WrappedLines.visualOrder(items, levels: levels) == pango(items[...], levels), "levels \(levels)")
        }
        for n in 1...6 {
            for code in 0..<(1 << (2 * n)) { check((0..<n).map { UInt8((code >> (2 * $0)) & 3) }) }
        }
        var seed: UInt64 = 19
        for _ in 0..<500 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let n = Int(seed >> 59) + 7
            check((0..<n).map { k in UInt8((seed >> UInt64(k * 2 % 56)) & 3) })
        }
    }
}
