@testable import DigestExport
import TrialModel

/// What each fuzz target checks on one input. The libFuzzer targets (`make fuzz`) and the corpus replay in
/// `FuzzRegressionTests` call the same functions, so every input the fuzzer kept stays a regression test.
/// A failed check traps, which libFuzzer reports as a crash with the input.
public enum FuzzChecks {
    /// YAML bytes → model: never crashes; a summary it accepts survives model → YAML → model.
    public static func loader(_ bytes: [UInt8]) {
        let result = SummaryReader.read(bytes: bytes, file: "fuzz.yaml")
        precondition(result.summary != nil || result.diagnostics.contains { $0.severity == .error },
                     "a refused summary must say why")
        for d in result.diagnostics {
            precondition(!d.description.unicodeScalars.contains { $0.value < 0x20 }, "diagnostics are one printable line")
        }
        if let s = result.summary {
            guard let yaml = try? SummaryWriter.yaml(s) else { preconditionFailure("a valid summary cannot be written") }
            let again = SummaryReader.read(yaml: yaml, file: "fuzz-again.yaml")
            precondition(again.summary == s, "model → YAML → model changed the summary")
        }
    }

    /// Inline markup: never crashes, stays within its nesting limit, and what the writer writes parses back.
    public static func inline(_ bytes: [UInt8]) {
        let source = String(decoding: bytes, as: UTF8.self)
        let (rich, problems) = InlineParser.parse(source)
        precondition(depth(rich.inlines) <= Limits.inlineNesting + 1, "nesting beyond the limit")
        if problems.isEmpty {
            let (again, _) = InlineParser.parse(InlineWriter.source(rich))
            precondition(again.plainText == rich.plainText, "writer → parser changed the text")
        }
    }

    /// MIME encoders: quoted-printable lines stay within 76 ASCII characters; encoded words decode back to
    /// their text; folded headers keep lines within 78 and never hold a bare CR or LF; format=flowed decodes
    /// back to its canonical lines.
    public static func mime(_ bytes: [UInt8]) {
        for line in QuotedPrintable.encode(line: bytes) {
            // Printable ASCII and tab (RFC 2045 §6.7 (3) keeps tabs literal, except at a line end).
            precondition(line.utf8.count <= QuotedPrintable.lineLimit && line.utf8.allSatisfy { ($0 >= 0x20 && $0 < 0x7F) || $0 == 9 }
                         && line.utf8.last != 9 && line.utf8.last != 32, "quoted-printable line too long, not printable ASCII, or ending in white space")
        }
        let text = String(decoding: bytes, as: UTF8.self)
        for encoding in [EncodedWord.Encoding.q, .b] {
            if let words = EncodedWord.encode(text, encoding, firstLimit: 40) {
                precondition(words.allSatisfy { $0.utf8.count <= EncodedWord.maxLength }, "encoded word over 75 characters")
                precondition(words.map { EncodedWord.decode($0) ?? "\u{FFFD}" }.joined() == text, "encoded words do not decode to the text")
            }
        }
        for piece in [HeaderPiece.text(text), .phrase(text)] {
            if let field = try? HeaderFolding.field("Subject", [piece]) {
                for line in field.components(separatedBy: "\r\n") {
                    // A word too long to fold stays whole up to RFC 5322's 998 octets (HeaderFolding.hardLimit); the
                    // fuzzer found such lines over the 78 a line SHOULD keep to, which the folding allows by design.
                    precondition(line.utf8.count <= HeaderFolding.hardLimit && !line.utf8.contains(13) && !line.utf8.contains(10),
                                 "bad folded header line")
                }
            }
        }
        let canonical = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var l = Substring(line.filter { $0 != "\r" })
            while l.last == " " { l = l.dropLast() }
            return String(l)
        }
        precondition(FormatFlowed.decode(FormatFlowed.encode(canonical)) == canonical, "format=flowed does not round-trip")
        _ = try? MailAddress(text)
    }

    private static func depth(_ nodes: [Inline]) -> Int {
        // Iterative, so the check cannot overflow the stack the parser is being tested for.
        var stack = nodes.map { ($0, 1) }
        var deepest = 0
        while let (node, d) = stack.popLast() {
            deepest = max(deepest, d)
            switch node {
            case .text: break
            case .emphasis(let c), .strong(let c), .link(_, let c), .term(_, let c): stack += c.map { ($0, d + 1) }
            }
        }
        return deepest
    }
}
