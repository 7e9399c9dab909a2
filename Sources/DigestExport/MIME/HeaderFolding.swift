/// Part of a header value, telling the folder what it may break, quote or encode.
enum HeaderPiece: Equatable, Sendable {
    /// ASCII written as is and never split: `<addr@example.org>`, `text/plain;`, a date part.
    case token(String)
    /// Unstructured text (RFC 5322 §3.2.5, e.g. Subject): sanitized; ASCII words stay readable, runs of
    /// words with other characters become encoded words.
    case text(String)
    /// A display name (RFC 5322 §3.2.5 phrase): atoms as they are, other printable ASCII as one quoted
    /// string, anything else as B encoded words (B has no phrase restrictions, unlike Q, §5 (3)).
    case phrase(String)
}

/// Lays out one header field on lines of at most `limit` characters, folding only at whitespace
/// (RFC 5322 §2.2.3: CRLF inserted before a space).
enum HeaderFolding {
    /// 76, not 78: RFC 2047 §2 limits lines holding encoded words to 76; the same limit everywhere keeps it simple.
    static let limit = 76
    /// RFC 5322 §2.1.1: no line may be longer, folded or not.
    static let hardLimit = 998

    enum FoldError: Error, Equatable { case tooLong(field: String, length: Int) }

    private enum Element { case atom(String); case encoded(String, EncodedWord.Encoding) }

    /// The field as `Name: value` lines joined by CRLF, without the final CRLF.
    static func field(_ name: String, _ pieces: [HeaderPiece]) throws -> String {
        var lines: [String] = []
        var line = name + ":"
        var lineHasValue = false

        func place(_ atom: String) {
            if lineHasValue && line.count + 1 + atom.count > limit {
                lines.append(line)
                line = ""
            }
            line += " " + atom
            lineHasValue = true
        }

        for element in pieces.flatMap(elements) {
            switch element {
            case .atom(let a): place(a)
            case .encoded(let text, let e):
                // The first word fills the room left on this line; if not even one character fits, fold first.
                var words = EncodedWord.encode(text, e, firstLimit: limit - line.count - 1)
                if words == nil {
                    lines.append(line)
                    line = ""
                    lineHasValue = false
                    words = EncodedWord.encode(text, e, firstLimit: limit - 1)
                }
                for w in words ?? [] { place(w) }
            }
        }
        lines.append(line)
        if let long = lines.first(where: { $0.utf8.count > hardLimit }) {
            throw FoldError.tooLong(field: name, length: long.utf8.count)
        }
        return lines.joined(separator: "\r\n")
    }

    private static func elements(_ piece: HeaderPiece) -> [Element] {
        switch piece {
        case .token(let t): return [.atom(t)]
        case .text(let raw):
            // ASCII words stay as they are unless they could be mistaken for an encoded word or cannot fit
            // on a line; each maximal run of other words becomes encoded words (spaces inside the run are
            // encoded too, because whitespace between adjacent encoded words is dropped when decoding).
            var out: [Element] = []
            var run: [Substring] = []
            func flush() {
                guard !run.isEmpty else { return }
                let text = run.joined(separator: " ")
                out.append(.encoded(text, EncodedWord.preferred(for: text)))
                run = []
            }
            for word in HeaderText.sanitize(raw).split(separator: " ") {
                if isPlainWord(word) { flush(); out.append(.atom(String(word))) } else { run.append(word) }
            }
            flush()
            return out
        case .phrase(let raw):
            let clean = HeaderText.sanitize(raw)
            let words = clean.split(separator: " ")
            if words.allSatisfy({ isAtom($0) && isPlainWord($0) }) { return words.map { .atom(String($0)) } }
            if clean.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) && clean.count < 60 {
                let escaped = clean.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                return [.atom("\"" + escaped + "\"")]
            }
            return [.encoded(clean, .b)]
        }
    }

    /// Printable ASCII, not shaped like an encoded word, and short enough for a line of its own.
    static func isPlainWord(_ w: Substring) -> Bool {
        w.count < limit - 1 && !w.contains("=?") && w.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F }
    }

    /// RFC 5322 §3.2.3 atext.
    static func isAtom(_ w: Substring) -> Bool {
        w.unicodeScalars.allSatisfy { u in
            (u.value >= 0x30 && u.value <= 0x39) || (u.value >= 0x41 && u.value <= 0x5A) || (u.value >= 0x61 && u.value <= 0x7A)
                || "!#$%&'*+-/=?^_`{|}~".unicodeScalars.contains(u)
        }
    }
}
