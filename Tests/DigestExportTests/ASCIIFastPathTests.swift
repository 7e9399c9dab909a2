import Testing
@testable import DigestExport

/// The digest's byte-level fast paths for ASCII text (issue 13's speed work) give what the general paths give.
@Suite struct ASCIIFastPathTests {
    static let samples = ["", " ", "   ", "a", " a", "a ", "  lead  and  trail  ", "tab\there", "CR\rLF\nCRLF\r\n",
                          "NUL\u{0}DEL\u{7F}", ">quoted", "From here", " -- ", "-- ", "one two  three   four",
                          "https://example.org/a/b?c=d  next", "\u{1}\u{2}", String(repeating: "word ", count: 40)]

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
