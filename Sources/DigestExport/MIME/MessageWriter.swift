/// Writes a single-part text/plain message (RFC 5322 + MIME): folded headers, a blank line, and the
/// canonical text as format=flowed in quoted-printable, every line ended by CRLF.
///
/// The body is 7-bit on the wire (quoted-printable), so the message passes relays without 8BITMIME;
/// format=flowed lets clients reflow paragraphs on small screens while bars and URLs keep their lines.
struct MessageWriter: Sendable {
    var fields: [(name: String, value: [HeaderPiece])] = []

    mutating func add(_ name: String, _ value: [HeaderPiece]) { fields.append((name, value)) }
    mutating func add(_ name: String, token: String) { fields.append((name, [.token(token)])) }

    static let mimeFields: [(String, [HeaderPiece])] = [
        ("MIME-Version", [.token("1.0")]),
        ("Content-Type", [.token("text/plain;"), .token("charset=utf-8;"), .token("format=flowed")]),
        ("Content-Transfer-Encoding", [.token("quoted-printable")]),
    ]

    /// The encoded body lines (before CRLF joining), from canonical lines.
    static func bodyLines(_ canonical: [String]) -> [String] {
        QuotedPrintable.encode(lines: FormatFlowed.encode(canonical).map { Array($0.utf8) })
    }

    func message(body canonical: [String]) throws -> [UInt8] {
        var out: [String] = []
        for f in fields { out.append(try HeaderFolding.field(f.name, f.value)) }
        out.append("")
        out += Self.bodyLines(canonical)
        return Array((out.joined(separator: "\r\n") + "\r\n").utf8)
    }
}
