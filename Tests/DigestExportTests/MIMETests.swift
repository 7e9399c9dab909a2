import Foundation
import Testing
import TrialModel
@testable import DigestExport

/// The MIME writer against the RFCs' own examples and rules.
@Suite struct EncodedWordTests {
    // RFC 2047 §8: the example header fields.
    @Test(arguments: [
        ("=?US-ASCII?Q?Keith_Moore?=", "Keith Moore"),
        ("=?ISO-8859-1?Q?Keld_J=F8rn_Simonsen?=", "Keld Jørn Simonsen"),
        ("=?ISO-8859-1?Q?Andr=E9?= Pirard", "André Pirard"),
        ("=?ISO-8859-1?B?SWYgeW91IGNhbiByZWFkIHRoaXMgeW8=?= =?ISO-8859-2?B?dSB1bmRlcnN0YW5kIHRoZSBleGFtcGxlLg==?=",
         "If you can read this you understand the example."),
        ("=?ISO-8859-1?Q?Olle_J=E4rvinen?=", "Olle Järvinen"),
        ("=?ISO-8859-1?Q?Patrik_F=E4ltstr=F6m?=", "Patrik Fältström"),
        // §8's table of whitespace handling between encoded words (shown there inside comments).
        ("=?ISO-8859-1?Q?a?=", "a"),
        ("=?ISO-8859-1?Q?a?= b", "a b"),
        ("=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?=", "ab"),
        ("=?ISO-8859-1?Q?a?=  =?ISO-8859-1?Q?b?=", "ab"),
        ("=?ISO-8859-1?Q?a_b?=", "a b"),
        ("=?ISO-8859-1?Q?a?= =?ISO-8859-2?Q?_b?=", "a b"),
    ])
    func rfc2047Section8(encoded: String, text: String) {
        #expect(EncodedWord.decodeText(encoded) == text)
    }

    @Test func rfc2047Section8FoldedWords() {
        // "(=?ISO-8859-1?Q?a?=\r\n    =?ISO-8859-1?Q?b?=)" decodes to "(ab)": unfolding then dropping the space.
        let unfolded = "=?ISO-8859-1?Q?a?=\r\n    =?ISO-8859-1?Q?b?=".replacingOccurrences(of: "\r\n", with: "")
        #expect(EncodedWord.decodeText(unfolded) == "ab")
    }

    @Test(arguments: ["Café crème", "早期乳がんの臨床試験についての説明", "👩🏽‍⚕️👨‍👩‍👧‍👦🇪🇺 emoji", "עברית ועוד", "Z̷̡̢̛̛̛̛̛̛̛̛̛̛̛̛̛̛̛̛̛ zalgo",
                      String(repeating: "é", count: 300), "a?b=c_d e"])
    func encodesWithinLimitsAndRoundTrips(text: String) {
        for e in [EncodedWord.Encoding.b, .q] {
            // nil when not even the first character fits in the room left on the line: the folder then
            // starts a new line, where a whole word fits.
            let first = EncodedWord.encode(text, e, firstLimit: 60)
            let words = first ?? EncodedWord.encode(text, e, firstLimit: 75)!
            #expect(words.allSatisfy { $0.count <= 75 })
            if first != nil { #expect(words[0].count <= 60) }
            // Each word decodes on its own: no UTF-8 sequence is split between words.
            let decoded = words.map { EncodedWord.decode($0) }
            #expect(!decoded.contains(nil))
            #expect(decoded.compactMap { $0 }.joined() == text)
            #expect(EncodedWord.decodeText(words.joined(separator: " ")) == text)
        }
    }

    @Test func qKeepsReadableASCIIAndEncodesSpecials() {
        #expect(EncodedWord.word(Array("a b?=_".utf8), .q) == "=?utf-8?Q?a_b=3F=3D=5F?=")
        #expect(EncodedWord.word(Array("é".utf8), .b) == "=?utf-8?B?w6k=?=")
        #expect(EncodedWord.preferred(for: "Café au lait for the study team") == .q)
        #expect(EncodedWord.preferred(for: "早期乳がん") == .b)
    }

    @Test func base64MatchesRFC4648Vectors() {
        let vectors = ["": "", "f": "Zg==", "fo": "Zm8=", "foo": "Zm9v", "foob": "Zm9vYg==", "fooba": "Zm9vYmE=", "foobar": "Zm9vYmFy"]
        for (plain, encoded) in vectors {
            #expect(Base64.encode(Array(plain.utf8)) == encoded)
            #expect(Base64.decode(encoded) == Array(plain.utf8))
        }
    }
}

@Suite struct HeaderFoldingTests {
    func unfold(_ field: String) -> String { field.replacingOccurrences(of: "\r\n", with: "") }

    @Test func shortFieldStaysOnOneLine() throws {
        #expect(try HeaderFolding.field("Subject", [.text("This is a test")]) == "Subject: This is a test")
    }

    @Test func foldsAtWhitespaceOnly() throws {
        let long = (1...40).map { "word\($0)" }.joined(separator: " ")
        let f = try HeaderFolding.field("Subject", [.text(long)])
        let lines = f.components(separatedBy: "\r\n")
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.count <= 76 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        // RFC 5322 §3.2.2: unfolding removes the CRLFs and gives the value back.
        #expect(unfold(f) == "Subject: " + long)
    }

    @Test(arguments: HostileInputTests.titles)
    func anyTitleFoldsDecodesAndHasNoLineBreaks(title: String) throws {
        let f = try HeaderFolding.field("Subject", [.text(title)])
        for line in f.components(separatedBy: "\r\n") {
            #expect(line.count <= 76 && line.utf8.count == line.count, "\(line)")
            #expect(!line.contains("\r") && !line.contains("\n") && !line.contains("\0"))
        }
        let value = String(unfold(f).dropFirst("Subject: ".count))
        #expect(EncodedWord.decodeText(value) == HeaderText.sanitize(title))
    }

    @Test func phrases() throws {
        #expect(try HeaderFolding.field("From", MailAddress("Clear Trials <n@example.org>").headerPieces) == "From: Clear Trials <n@example.org>")
        #expect(try HeaderFolding.field("From", MailAddress("Dr. Who <n@example.org>").headerPieces) == "From: \"Dr. Who\" <n@example.org>")
        let f = try HeaderFolding.field("From", MailAddress("Clinique Étoile <n@example.org>").headerPieces)
        #expect(f == "From: =?utf-8?B?Q2xpbmlxdWUgw4l0b2lsZQ==?= <n@example.org>")
    }

    @Test func sanitizeRemovesEveryLineBreakAndControl() {
        #expect(HeaderText.sanitize("a\r\nBcc: x\u{0}\u{85}\u{2028}\u{2029}\u{B}\u{C}\tb  c ") == "a Bcc: x b c")
    }

    @Test func mailAddresses() throws {
        #expect(try MailAddress("x@example.org").headerPieces == [.token("<x@example.org>")])
        #expect(try MailAddress("\"Name, Inc\" <x@example.org>").displayName == "Name, Inc")
        for bad in ["no-at-sign", "a@b@c", "<x y@example.org>", "x@example.org\r\nBcc: y@z", ".a@b", "a@", "é@example.org"] {
            #expect(throws: MailAddress.Invalid.self) { try MailAddress(bad) }
        }
    }
}

@Suite struct QuotedPrintableTests {
    func enc(_ s: String) -> [String] { QuotedPrintable.encode(line: Array(s.utf8)) }

    @Test func rule1EqualsAndEightBit() {
        #expect(enc("a=b") == ["a=3Db"])
        #expect(enc("±é") == ["=C2=B1=C3=A9"])
    }

    @Test func rule3TrailingWhitespaceIsEncoded() {
        #expect(enc("soft break ") == ["soft break=20"])
        #expect(enc("tab\t") == ["tab=09"])
        #expect(enc("mid space ok") == ["mid space ok"])
    }

    @Test func rule5LinesAtMost76WithoutSplittingEscapes() {
        let s = String(repeating: "é", count: 50) + String(repeating: "x", count: 100) + " "
        let lines = enc(s)
        #expect(lines.allSatisfy { $0.count <= 76 })
        #expect(lines.dropLast().allSatisfy { $0.hasSuffix("=") })
        for l in lines {
            let body = l.hasSuffix("=") ? String(l.dropLast()) : l
            #expect(!body.hasSuffix("=") && !body.dropLast().hasSuffix("="), "escape split in \(l)")
        }
        #expect(QuotedPrintable.decode(lines) == Array(s.utf8))
        // No encoded line ends inside a UTF-8 sequence: each decodes to valid UTF-8 on its own.
        #expect(lines.allSatisfy { String(validating: QuotedPrintable.decode([$0]), as: UTF8.self) != nil })
        #expect(enc(String(repeating: "a", count: 76)) == [String(repeating: "a", count: 76)])
        #expect(enc(String(repeating: "a", count: 77)).count == 2)
    }

    @Test func riskyLineStartsAreEncoded() {
        #expect(enc(".") == ["=2E"])
        #expect(enc("From here") == ["=46rom here"])
        #expect(enc("Fromage") == ["Fromage"])
    }

    @Test func roundTripsManyLines() {
        let lines = ["", "plain", "trailing  ", "=?not a word?=", "日本語のテキスト" + String(repeating: " x", count: 60)]
        let encoded = QuotedPrintable.encode(lines: lines.map { Array($0.utf8) })
        #expect(String(decoding: QuotedPrintable.decode(encoded), as: UTF8.self) == lines.joined(separator: "\r\n"))
    }
}

@Suite struct FormatFlowedTests {
    @Test func softBreaksAndRoundTrip() {
        let para = (1...40).map { "word\($0)" }.joined(separator: " ")
        let out = FormatFlowed.encode([para, "", "short"])
        #expect(out.count > 3)
        #expect(out.dropLast(3).allSatisfy { $0.hasSuffix(" ") && TextWidth.of($0) <= 72 })
        #expect(out.suffix(2) == ["", "short"])
        #expect(FormatFlowed.decode(out) == [para, "", "short"])
    }

    @Test func spaceStuffing() {
        // RFC 3676 §4.4: lines starting with space, ">" or "From " get one more space; decoding removes it.
        let lines = [" indented", "> not a quote", "From the start", "Fromage"]
        let out = FormatFlowed.encode(lines)
        #expect(out == ["  indented", " > not a quote", " From the start", "Fromage"])
        #expect(FormatFlowed.decode(out) == lines)
    }

    @Test func signatureSeparatorIsNeverFlowed() {
        let out = FormatFlowed.encode(["text", "-- ", "Sender"])
        #expect(out == ["text", "-- ", "Sender"])
        #expect(FormatFlowed.decode(out) == ["text", "-- ", "Sender"])
    }

    @Test func trailingSpacesBeforeHardBreaksAreTrimmed() {
        #expect(FormatFlowed.encode(["hard   "]) == ["hard"])
    }

    @Test func longURLStaysWholeOnItsOwnLine() {
        let url = "https://example.org/" + String(repeating: "a", count: 100)
        let out = FormatFlowed.encode(["see " + url + " now"])
        #expect(out == ["see ", url + " ", "now"])
    }

    @Test func stuffedAndWideLinesFitTheWidth() {
        let cjk = String(repeating: "乳がん ", count: 40)
        let out = FormatFlowed.encode(["> " + cjk.trimmingCharacters(in: .whitespaces)])
        #expect(out.allSatisfy { TextWidth.of($0) <= 72 })
        #expect(out[0].hasPrefix(" >"))
        #expect(FormatFlowed.decode(out) == ["> " + cjk.trimmingCharacters(in: .whitespaces)])
    }

    @Test func brokenLineNeverLooksLikeASignature() {
        let text = "-- " + String(repeating: "z", count: 80)
        let out = FormatFlowed.encode([text])
        #expect(!out.contains("-- "))
        #expect(FormatFlowed.decode(out) == [text])
    }
}
