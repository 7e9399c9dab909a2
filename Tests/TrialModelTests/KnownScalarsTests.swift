import Testing
@testable import TrialModel

/// The byte paths for non-ASCII text (issue 19: Arabic and Chinese digests and rich text) rest on `KnownScalars`:
/// every entry is proved here against the standard library's grapheme breaking and `TextWidth`, and the paths are
/// compared with the Character paths over mixed-script text, including text they must hand back (emoji ZWJ
/// sequences, controls, marks after spaces and markup).
@Suite struct KnownScalarsTests {
    static let known: [UInt32] = (0...0xFFFF).filter { KnownScalars.width(UInt32($0)) != nil }.map { UInt32($0) }

    @Test func everyBaseIsAClusterOfItsOwnWithItsWidth() {
        for v in Self.known where KnownScalars.isBase(v) {
            let u = Unicode.Scalar(v)!, c = Character(u)
            let alone = "a\(c)a", withMark = "\(c)\u{301}", afterMark = "\u{64E}\(c)"
            #expect(alone.count == 3, "U+\(String(v, radix: 16)) joins a neighbour")
            #expect(withMark.count == 1 && afterMark.count == 2, "U+\(String(v, radix: 16))")
            #expect(TextWidth.of(c) == KnownScalars.width(v), "U+\(String(v, radix: 16)) width")
            #expect(TextWidth.of(withMark.first!) == KnownScalars.width(v), "U+\(String(v, radix: 16)) width with a mark")
            // No canonical twin: equal as a Character only to itself among known scalars' sets.
            #expect(TextWrap.noLineStart.contains(c) == TextWrap.noLineStartScalars.contains(v))
            #expect(TextWrap.noLineEnd.contains(c) == TextWrap.noLineEndScalars.contains(v))
            #expect((c == " ") == (v == 0x20))
        }
    }

    @Test func everyMarkJoinsTheClusterBefore() {
        for v in Self.known where KnownScalars.width(v) == 0 {
            let u = Unicode.Scalar(v)!
            #expect(u.properties.generalCategory == .nonspacingMark && u.properties.isGraphemeExtend, "U+\(String(v, radix: 16))")
            #expect("a\(u)".count == 1 && " \(u)".count == 1 && "\u{628}\(u)\(u)".count == 1, "U+\(String(v, radix: 16))")
            #expect(TextWidth.of(Character(u)) == 0)
        }
        #expect(Self.known.count > 22_000)
    }

    /// Mixed-script pieces: Arabic with marks, lam-alef, Arabic-Indic digits; Hebrew with points; CJK wide
    /// characters and punctuation that may not start or end a line; combining marks, also after a space and at
    /// the start; emoji with ZWJ and VS16; controls; URLs, one followed by a mark.
    static let pieces = ["ال", "مَرِيض", "لا", "٤٤٫٣", "،", "؟", "שָׁלוֹם", "־", "患者", "。", "，", "（", "）", "「", "」", "中文文本",
                         "e\u{301}", "\u{301}", " \u{64B}", "Word", " ", " ", "  ", "-", "…", "—", "“", "”", "·", "%",
                         "👩‍⚕️", "❤️", "\t", "\u{AD}", "\u{200D}", "https://example.org/非常/长的/路径",
                         "HTTPS://\u{301}x.org", "mailto:a@b.org", String(repeating: "长", count: 40),
                         String(repeating: "ب", count: 70), "*", "**", "[", "]", "(", ")", "\\", "[t](glossary:t)",
                         "](https://a.b)", "*\u{301}", "\u{600}", "[\u{64E}", "\u{1F44D}", "€"]

    @Test func wrapOnClustersMatchesGraphemes() {
        var t = FastPathTests.Text(state: 19)
        var known = 0
        for _ in 0..<1500 {
            let text = t.string(Self.pieces, count: t.next(30))
            let width = [1, 2, 3, 10, 20, 40, 72][t.next(7)]
            let first = ["", "- ", "> ", "1. ", "   "][t.next(5)]
            let rest = ["", "  ", "> ", "    "][t.next(4)]
            for cut in [true, false] {
                let general = TextWrap.wrapGraphemes(text, width: width, first: first, rest: rest, cutLongWords: cut)
                if let fast = TextWrap.wrapKnown(text, width: width, first: first, rest: rest, cutLongWords: cut) {
                    known += 1
                    #expect(fast == general, "\(text.debugDescription) width \(width)")
                }
                #expect(TextWrap.wrap(text, width: width, first: first, rest: rest, cutLongWords: cut) == general)
            }
        }
        #expect(known > 500)
        #expect(TextWrap.wrapKnown("مرحبا 👩‍⚕️", width: 10, first: "", rest: "", cutLongWords: true) == nil)
    }

    @Test func widthOnScalarsMatchesGraphemes() {
        var t = FastPathTests.Text(state: 23)
        for _ in 0..<2000 {
            let s = t.string(Self.pieces, count: t.next(12))
            #expect(TextWidth.of(s) == TextWidth.ofGraphemes(s), "\(s.debugDescription)")
            #expect(TextWidth.of(s.dropFirst()) == TextWidth.ofGraphemes(s.dropFirst()), "\(s.debugDescription)")
        }
    }

    @Test func inlineBytesMatchCharacters() {
        var t = FastPathTests.Text(state: 29)
        var bytes = 0
        for _ in 0..<3000 {
            let s = t.string(Self.pieces + ["\r\n", "[a](https://x.org/ب)", "**ب**", "*ت*", "\\*", "[ج](glossary:term)"], count: t.next(14))
            if !s.isASCIIText && InlineParser.markupStandsAlone(s) { bytes += 1 }
            let fast = InlineParser.parse(s, plainFastPath: false), general = InlineParser.parse(s, plainFastPath: false, bytePaths: false)
            #expect(fast.0 == general.0 && fast.1 == general.1, "\(s.debugDescription)")
        }
        #expect(bytes > 500)
        #expect(!InlineParser.markupStandsAlone("ب*\u{64E}ب*") && !InlineParser.markupStandsAlone("\u{600}*a*"))
        #expect(InlineParser.markupStandsAlone("ب\u{64E}*ب*"))
    }
}
