import Foundation
import Testing
import TestSupport
@testable import TrialModel
@testable import DigestExport

@Suite struct TextLayoutTests {
    @Test(arguments: [("abc", 3), ("e\u{301}", 1), ("日本", 4), ("👩🏽‍⚕️", 2), ("🇯🇵", 2), ("\u{200B}", 0),
                      ("עברית", 5), ("±≥–", 3), ("ｶﾀｶﾅ", 4), ("ＡＢ", 4), ("❤️", 2), ("한국어", 6)])
    func displayWidth(text: String, width: Int) {
        #expect(TextWidth.of(text) == width)
    }

    @Test func wrapsAtWordsWithinWidth() {
        let text = (1...60).map { "w\($0)" }.joined(separator: " ")
        let lines = TextWrap.wrap(text, width: 20, first: "- ", rest: "  ")
        #expect(lines.allSatisfy { TextWidth.of($0) <= 20 })
        #expect(lines[0].hasPrefix("- ") && lines.dropFirst().allSatisfy { $0.hasPrefix("  ") })
        #expect(lines.map { $0.dropFirst(2) }.joined(separator: " ") == text)
    }

    @Test func wideCharactersCountDouble() {
        let lines = TextWrap.wrap(String(repeating: "乳がん ", count: 30), width: 72)
        #expect(lines.allSatisfy { TextWidth.of($0) <= 72 })
        // 36 wide characters fill 72 columns: a line may break between CJK characters, so lines are full.
        #expect(lines.dropLast().allSatisfy { TextWidth.of($0) >= 70 })
        #expect(lines.joined().filter { $0 != " " } == String(repeating: "乳がん", count: 30))
    }

    /// Chinese has no spaces: it wraps between characters, never before closing punctuation or after an
    /// opening bracket, and combining marks take no column.
    @Test func chineseWrapsBetweenCharacters() {
        let text = String(repeating: "这是一个关于临床试验的通俗语言摘要，", count: 6) + "（完）。"
        let lines = TextWrap.wrap(text, width: 20)
        #expect(lines.count > 1 && lines.allSatisfy { TextWidth.of($0) <= 20 })
        #expect(lines.joined() == text)
        #expect(!lines.dropFirst().contains { $0.hasPrefix("，") || $0.hasPrefix("。") || $0.hasPrefix("）") })
        #expect(!lines.dropLast().contains { $0.hasSuffix("（") })
        #expect(TextWidth.of("e\u{301}te\u{301}") == 3 && TextWidth.of("مرحبا") == 5)
    }

    @Test func urlsOverTheMailLineLimitAreCut() {
        let url = "https://example.org/" + String(repeating: "p", count: 1900)
        let lines = TextWrap.wrap("see " + url, width: 72)
        #expect(lines.allSatisfy { TextWidth.of($0) <= 72 })
        #expect(lines.joined() == "see" + url)
    }

    @Test func urlsAreNeverBrokenOtherLongWordsAre() {
        let url = "https://example.org/" + String(repeating: "p", count: 90)
        #expect(TextWrap.wrap("see " + url + " end", width: 72) == ["see", url, "end"])
        let word = String(repeating: "x", count: 150)
        let lines = TextWrap.wrap(word, width: 72)
        #expect(lines.count == 3 && lines.allSatisfy { $0.count <= 72 } && lines.joined() == word)
    }

    func chart(labels: [String], values: [String], unit: String = "%") -> ChartSeries {
        var s = try! TestSupport.patina().summary
        s.arms = labels.enumerated().map { i, l in Arm(id: "a\(i)", label: l, shortLabel: l, description: "", interventions: []) }
        s.outcomes = [Outcome(id: "o", name: "O", label: "Outcome", role: .primary, kind: .percentage, unit: unit,
                              direction: .higherIsBetter,
                              values: values.enumerated().map { ArmValue(arm: "a\($0)", value: DecimalNumber($1)!) })]
        return SummaryViews(s).charts[0]
    }

    func lines(_ c: ChartSeries) -> [String] {
        var doc = TextDocument()
        TextChart.render(c, finding: nil, into: &doc)
        return doc.wrappedLines
    }

    @Test func barsAreAlignedScaledAndValueFirst() {
        let out = lines(chart(labels: ["A", "Group B", "C", "Placebo"], values: ["100", "50", "0", "0.1"], unit: "people"))
        let bars = out.filter { $0.contains("people  ") || $0.hasSuffix(" people") && !$0.hasPrefix("Bars") && !$0.contains(" vs ") }
        #expect(bars == ["A        100 people  ########################################",
                         "Group B   50 people  ####################",
                         "C          0 people",
                         "Placebo  0.1 people  #"])
        #expect(out.joined(separator: " ").contains("Bars run from 0 to 100 people; longer bars are better."))
    }

    /// Percentages: one row of 10 marks per arm, the compact icon array, then the natural frequencies.
    @Test func percentagesAreRowsOfTenMarks() {
        let out = lines(chart(labels: ["A", "Group B", "C", "Placebo"], values: ["79.7", "50", "0", "0.4"]))
        let rows = out.filter { $0.contains("%") && !$0.contains(" vs ") && !$0.hasPrefix("Each") }
        #expect(rows == ["A        79.7%  ########..",
                         "Group B    50%  #####.....",
                         "C           0%  ..........",
                         "Placebo   0.4%  .........."])
        #expect(out.joined(separator: " ").contains("Each row is 10 people, # for those affected; more filled marks are better."))
        #expect(out.joined(separator: " ").contains("A: 797 in 1,000 people; Group B: 500 in 1,000 people"))
    }

    @Test func longLabelsGoOnTheirOwnLine() {
        let long = "Palbociclib plus trastuzumab plus pertuzumab plus endocrine therapy, extended"
        let out = lines(chart(labels: [long, "Control"], values: ["44.3", "29.1"], unit: "months"))
        #expect(out.allSatisfy { TextWidth.of($0) <= 72 })
        #expect(out.contains("44.3 months  " + String(repeating: "#", count: 35)))
    }
}

/// The fast path for common letters agrees with the general rules, scalar by scalar over the ranges it covers.
@Suite struct TextWidthFastPathTests {
    @Test func agreesWithTheGeneralRules() {
        let ranges: [ClosedRange<UInt32>] = [0x00C0...0x024F, 0x0386...0x03FF, 0x0400...0x052F, 0x05D0...0x05EA,
                                             0x0620...0x06D3, 0x3041...0x30FF, 0x3400...0x4DBF, 0x4E00...0x4FFF]
        for r in ranges {
            for v in r {
                guard let u = Unicode.Scalar(v) else { continue }
                let p = u.properties
                let general: Int
                switch p.generalCategory {
                case .control, .format, .nonspacingMark, .enclosingMark: general = 0
                default: general = p.isEmojiPresentation || TextWidth.isWide(v) ? 2 : 1
                }
                #expect(TextWidth.of(Character(u)) == general, "U+\(String(v, radix: 16))")
            }
        }
    }
}
