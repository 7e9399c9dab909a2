import Testing
@testable import TrialModel

/// The word-at-a-time skips in the source byte checks decide as a plain byte loop.
@Suite struct ByteCheckTests {
    /// The byte loop `mayHoldDisallowed` ran before it skipped printable words.
    static func plainMayHoldDisallowed(_ b: [UInt8]) -> Bool {
        var i = 0
        while i < b.count {
            if SourceBytes.startsDisallowed(b, at: i) { return true }
            i += 1
        }
        return false
    }

    static let pieces = ["a", "word ", "        ", "\n", "\t", "\r\n", "\u{7F}", "\u{1F}", "\u{0}", "é", "\u{85}", "\u{9F}", "\u{80}",
                         "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "~", " ", "\u{2028}", "\u{2029}", "💊", "abcdefghijklmnop", "ยฑ"]

    static func strings() -> [String] {
        var state: UInt64 = 7
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        return (0..<4000).map { _ in (0..<next(30)).map { _ in pieces[next(pieces.count)] }.joined() }
    }

    @Test func printableWordsAreExactlyThoseOfPrintableBytes() {
        let edges: [UInt8] = [0x00, 0x09, 0x0A, 0x1F, 0x20, 0x21, 0x41, 0x7E, 0x7F, 0x80, 0xC2, 0xFE, 0xFF]
        var state: UInt64 = 3
        for _ in 0..<20_000 {
            let bytes: [UInt8] = (0..<8).map { _ in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return (state >> 40) % 4 == 0 ? edges[Int((state >> 20) % UInt64(edges.count))] : UInt8(0x20 + (state >> 33) % 0x5F)
            }
            bytes.withUnsafeBufferPointer { b in
                #expect(PrintableASCII.word(b, at: 0) == bytes.allSatisfy { $0 >= 0x20 && $0 <= 0x7E }, "\(bytes)")
            }
        }
    }

    /// The newline pre-check, which skips printable words, answers as the Character test.
    @Test func newlinePreCheckMatchesTheCharacters() {
        for s in Self.strings() + ["abcdefgh\nijklmnop", "abcdefghijklmno\u{2028}", "abcdefg\u{85}", "abcdefgh\r"] {
            #expect(SourceText.mayHoldNewline(s) == s.contains(where: \.isNewline), "\(s.debugDescription)")
        }
    }

    /// The byte test for spaces and markup in a link target decides as the Character test.
    @Test func linkTargetByteTestMatchesTheCharacterTest() {
        for s in Self.strings() + ["https://a.b/c d", "https://a.b/(x)", "https://a.b/\\", "https://a.b/<", "https://a.b/\"q\"",
                                   "https://a.b/ok?x=1#f", "https://a.b/\u{0B}", "https://a.b/[1]", "\r\n"] {
            #expect(InlineParser.holdsSpaceOrMarkup(s) == InlineParser.holdsSpaceOrMarkup(s, asciiFastPath: false), "\(s.debugDescription)")
        }
    }

    @Test func disallowedPreCheckMatchesTheByteLoop() {
        for s in Self.strings() {
            #expect(SourceBytes.mayHoldDisallowed(s) == Self.plainMayHoldDisallowed(Array(s.utf8)), "\(s.debugDescription)")
            for allow in [true, false] {
                let plain = s.unicodeScalars.first { u in
                    switch u.value {
                    case 0x09: false
                    case 0x0A: !allow
                    case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: true
                    default: false
                    }
                }
                #expect(SourceText.forbiddenCharacter(in: s, allowNewlines: allow) == plain, "\(s.debugDescription)")
            }
        }
    }
}

/// Text without markup bytes skips the inline parser and comes out as the parser makes it.
@Suite struct PlainRichTextTests {
    @Test func plainTextIsWhatTheParserMakes() {
        let pieces = ["a", "word", " ", "\r\n", "é", "e\u{301}", "*\u{301}", "]", ")", "(", "x]", "[", "*", "\\", "**", "](https://a.b)",
                      "[t](glossary:t)", "💊", "\n", "\u{0}"]
        var state: UInt64 = 11
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        var plain = 0
        for _ in 0..<3000 {
            let s = (0..<next(12)).map { _ in pieces[next(pieces.count)] }.joined()
            if !s.contains(where: { "\\*[".contains($0) }) { plain += 1 }
            let fast = InlineParser.parse(s), general = InlineParser.parse(s, plainFastPath: false)
            #expect(fast.0 == general.0 && fast.1 == general.1, "\(s.debugDescription)")
        }
        #expect(plain > 300)
    }
}
