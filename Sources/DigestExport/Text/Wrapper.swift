/// Word wrapping for the `.txt` files: greedy, at spaces, measured in display columns (`TextWidth`).
enum Wrapper {
    /// Lines of at most `width` columns, the first starting with `first`, the others with `rest`
    /// (a bullet's `- ` and its hanging indent, a quote's `> `). A URL wider than the line stays whole on
    /// a line of its own, so it stays clickable, up to `longestWholeURL`; any other word that wide, and a
    /// longer URL, is cut at grapheme boundaries. No line exceeds the width except such a URL, and none
    /// exceeds RFC 5322's 998-octet line limit.
    static func wrap(_ text: String, width: Int, first: String = "", rest: String = "") -> [String] {
        var lines: [String] = []
        var line = first
        var lineWidth = TextWidth.of(first)
        var empty = true
        func newLine() {
            lines.append(line)
            line = rest
            lineWidth = TextWidth.of(rest)
            empty = true
        }
        for word in text.split(separator: " ") {
            let w = TextWidth.of(word)
            if !empty && lineWidth + 1 + w > width { newLine() }
            if lineWidth + w <= width || (isURL(word) && word.utf8.count <= longestWholeURL) {
                if !empty { line += " "; lineWidth += 1 }
                line += word; lineWidth += w; empty = false
                continue
            }
            // A word too wide for any line: fill this line, then continue on the next ones.
            if !empty { line += " "; lineWidth += 1 }
            for ch in word {
                let cw = TextWidth.of(ch)
                if lineWidth + cw > width && !empty { newLine() }
                line.append(ch); lineWidth += cw; empty = false
            }
        }
        lines.append(line)
        return lines.map { trimTrailingSpaces($0) }
    }

    /// Bytes of the longest URL kept whole: RFC 5322 lines are at most 998 octets, with room for a prefix.
    static let longestWholeURL = 900

    static func isURL(_ word: Substring) -> Bool {
        let lower = word.lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:")
    }

    static func trimTrailingSpaces(_ s: String) -> String {
        var s = Substring(s)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
