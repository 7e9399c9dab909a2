import Testing
@testable import DigestExport
import TrialModel

/// The digest's byte-level fast paths for ASCII text (issue 13's speed work) give what the general paths give.
@Suite struct ASCIIFastPathTests {
    static let samples = ["", " ", "   ", "a", " a", "a ", "  lead  and  trail  ", "tab\there", "CR\rLF\nCRLF\r\n",
                          "NUL\u{0}DEL\u{7F}", ">quoted", "From here", " -- ", "-- ", "one two  three   four",
                          "https://example.org/a/b?c=d  next", "\u{1}\u{2}", String(repeating: "word ", count: 40),
                          "already clean, one space each", "end DEL\u{7F}", "x", "two  spaces", "\u{7F}lead"]

    @Test(arguments: samples)
    func headerSanitizeASCIIMatchesScalars(text: String) {
        #expect(HeaderText.sanitizeASCII(text) == HeaderText.sanitizeScalars(text))
        #expect(HeaderText.sanitize(text) == HeaderText.sanitizeScalars(text))
    }

    @Test(arguments: samples.filter { $0.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F } })
    func flowedPiecesASCIIMatchCharacters(text: String) {
        let line = Substring(text)
        #expect(FormatFlowed.asciiPieces(line).map(String.init) == FormatFlowed.pieces(line).map(String.init))
        #expect(FormatFlowed.asciiPieces(line.dropFirst()).map(String.init) == FormatFlowed.pieces(line.dropFirst()).map(String.init))
    }
}

/// The same paths for text made of `KnownScalars` (Arabic, Hebrew, Chinese; issue 19), compared with the general
/// ones over mixed-script text, including text they must hand back (emoji ZWJ sequences, controls, marks after
/// spaces, other spaces).
@Suite struct KnownScalarsPathTests {
    static let pieces = ["ال", "مَرِيض", "لا", "٤٤٫٣", "،", "שָׁלוֹם", "患者", "。", "，", "（", "中文文本", "e\u{301}", "\u{301}",
                         " \u{64B}", "Word", " ", "  ", ">", "From ", "-- ", "—", "👩‍⚕️", "❤️", "\t", "\u{85}", "\u{2028}",
                         "\u{A0}", "\u{3000}", "\u{2003}", "\r\n", "https://example.org/非常/长的/路径", String(repeating: "长", count: 40)]

    @Test func noKnownScalarIsBreakingOrControl() {
        for v in UInt32(0x80)...0xFFFF where KnownScalars.width(v) != nil {
            #expect(!HeaderText.isBreakingOrControl(Unicode.Scalar(v)!), "U+\(String(v, radix: 16))")
        }
    }

    @Test func sanitizeAndFlowedPiecesMatchTheGeneralPaths() {
        var state: UInt64 = 31
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        var known = 0
        for _ in 0..<2000 {
            let s = (0..<next(14)).map { _ in Self.pieces[next(Self.pieces.count)] }.joined()
            #expect(HeaderText.sanitize(s) == HeaderText.sanitizeScalars(s), "\(s.debugDescription)")
            for line in [Substring(s), Substring(s).dropFirst()] {
                if let fast = FormatFlowed.knownPieces(line) {
                    known += 1
                    #expect(fast.map(String.init) == FormatFlowed.pieces(line).map(String.init), "\(s.debugDescription)")
                }
            }
        }
        #expect(known > 300)
    }
}
