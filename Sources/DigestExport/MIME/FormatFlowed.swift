import TrialModel
/// format=flowed (RFC 3676, DelSp=No) encoding of canonical text, and its inverse.
///
/// Canonical text is what the reader should get back: one line per paragraph, hard line breaks where
/// lines must stay (headings, bars, URLs), no trailing spaces except the signature separator `-- `.
/// Encoding wraps long lines at spaces into lines of at most `width` columns, each but the last ending
/// in the space it was broken at (a soft break, §4.1). Lines starting with a space, `>` or `From ` are
/// space-stuffed (§4.4); the width includes the stuffing and the trailing space (§4.2).
enum FormatFlowed {
    static let signatureSeparator = "-- "

    static func encode(_ canonical: [String], width: Int = 72) -> [String] {
        var out: [String] = []
        for raw in canonical {
            if raw == signatureSeparator { out.append(raw); continue }
            // A trailing space before a hard break would read as a soft break: the canonical form has none,
            // and anything that slipped in is dropped as §4.2 asks.
            var line = Substring(raw)
            while line.last == " " { line = line.dropLast() }
            out += wrap(line, width: width).map(stuff)
        }
        return out
    }

    /// Greedy wrap at spaces; every produced line but the last ends with a space. A word wider than the
    /// line (a URL) stays whole on a line of its own.
    static func wrap(_ line: Substring, width: Int) -> [String] {
        let printableASCII = line.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F })
        let pieces = printableASCII ? asciiPieces(line) : knownPieces(line) ?? pieces(line)

        // Widths count as sent: the stuffing space and the trailing soft-break space included.
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        // Whether the line being built needs stuffing, decided by its first piece: every piece but a line's last
        // ends in a space, so the pieces added after it never change what `needsStuffing` sees (asked once a
        // line, not once a piece).
        var stuffing = 0
        for piece in pieces {
            // Printable ASCII is one column a byte (what TextWidth.of counts, without its generic call per piece).
            let pieceWidth = printableASCII ? piece.utf8.count : TextWidth.of(piece)
            if current.isEmpty {
                current = String(piece)
                currentWidth = pieceWidth
                stuffing = needsStuffing(current) ? 1 : 0
            } else if currentWidth + pieceWidth + stuffing <= width || current == signatureSeparator {
                current += piece
                currentWidth += pieceWidth
            } else {
                lines.append(current)
                current = String(piece)
                currentWidth = pieceWidth
                stuffing = needsStuffing(current) ? 1 : 0
            }
        }
        lines.append(current)
        return lines
    }

    /// Pieces are "word + the spaces after it" (spaces before the first word belong to it).
    static func pieces(_ line: Substring) -> [Substring] {
        var pieces: [Substring] = []
        var start = line.startIndex
        var i = line.startIndex
        var seenNonSpace = false
        while i < line.endIndex {
            if line[i] != " " && seenNonSpace && line[line.index(before: i)] == " " {
                pieces.append(line[start..<i]); start = i
            }
            if line[i] != " " { seenNonSpace = true }
            i = line.index(after: i)
        }
        if start < line.endIndex || pieces.isEmpty { pieces.append(line[start...]) }
        return pieces
    }

    /// The same pieces of a line made of `KnownScalars` (Arabic, Chinese…), found on its clusters as
    /// `TextWrap.clusters` reads them from the bytes; nil for other text.
    static func knownPieces(_ line: Substring) -> [Substring]? {
        guard let (_, clusters) = TextWrap.clusters(String(line)) else { return nil }
        let bytes = line.utf8
        func at(_ offset: Int) -> Substring.Index { bytes.index(bytes.startIndex, offsetBy: offset) }
        var pieces: [Substring] = []
        var start = 0
        var seenNonSpace = false
        for (k, c) in clusters.enumerated() {
            let space = c.scalar == 0x20
            if !space && seenNonSpace && clusters[k - 1].scalar == 0x20 {
                pieces.append(line[at(clusters[start].start)..<at(c.start)]); start = k
            }
            if !space { seenNonSpace = true }
        }
        if start < clusters.count || pieces.isEmpty {
            pieces.append(line[at(start < clusters.count ? clusters[start].start : bytes.count)...])
        }
        return pieces
    }

    /// The same pieces of a printable ASCII line, found on its bytes (one byte, one character) rather than by
    /// walking `Character`s.
    static func asciiPieces(_ line: Substring) -> [Substring] {
        let space = UInt8(ascii: " ")
        let bytes = line.utf8
        var pieces: [Substring] = []
        var start = bytes.startIndex
        var seenNonSpace = false
        var previous: UInt8 = 0
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b != space && seenNonSpace && previous == space { pieces.append(line[start..<i]); start = i }
            if b != space { seenNonSpace = true }
            previous = b
            i = bytes.index(after: i)
        }
        if start < line.endIndex || pieces.isEmpty { pieces.append(line[start...]) }
        return pieces
    }

    static func needsStuffing(_ line: String) -> Bool {
        line.hasPrefix(" ") || line.hasPrefix(">") || line.hasPrefix("From ")
    }

    static func stuff(_ line: String) -> String { needsStuffing(line) ? " " + line : line }

    /// RFC 3676 §4: unstuff, then join each line ending in a space with the next (except `-- `).
    static func decode(_ lines: [String]) -> [String] {
        var out: [String] = []
        var buffer = ""
        var open = false
        for var line in lines {
            if line.hasPrefix(" ") { line.removeFirst() }
            if line.hasSuffix(" ") && line != signatureSeparator { buffer += line; open = true; continue }
            out.append(buffer + line)
            buffer = ""; open = false
        }
        if open { out.append(buffer) }
        return out
    }
}
