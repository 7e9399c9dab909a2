/// Greedy line wrapping for every format that wraps text itself (the digest's plain text, SVG chart labels),
/// measured in display columns (`TextWidth`: CJK wide characters 2, combining marks 0).
///
/// Breaks fall at spaces, and also between two characters when either is wide (Chinese and Japanese have no
/// spaces between words), except before closing punctuation ("，", "。", "）") or after opening punctuation
/// ("（", "「"), the basic line-start/line-end rules of UAX #14 for CJK. Arabic and Hebrew words stay whole:
/// wrapping works on logical order, and the reader's client shapes and orders each line.
public enum TextWrap {
    /// Lines of at most `width` columns, the first starting with `first`, the others with `rest` (a bullet's
    /// `- ` and its hanging indent). A URL wider than the line stays whole on a line of its own, so it stays
    /// clickable, up to `longestWholeURL` bytes; any other word that wide, and a longer URL, is cut at grapheme
    /// boundaries when `cutLongWords`, else gets a line of its own.
    public static func wrap(_ text: String, width: Int, first: String = "", rest: String = "", cutLongWords: Bool = true) -> [String] {
        if isPrintableASCII(text.utf8) && isPrintableASCII(first.utf8) && isPrintableASCII(rest.utf8) {
            return wrapASCII(Array(text.utf8), width: width, first: Array(first.utf8), rest: Array(rest.utf8),
                             cutLongWords: cutLongWords)
        }
        return wrapGraphemes(text, width: width, first: first, rest: rest, cutLongWords: cutLongWords)
    }

    /// `wrap` for any text, grapheme by grapheme.
    static func wrapGraphemes(_ text: String, width: Int, first: String, rest: String, cutLongWords: Bool) -> [String] {
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
            for (i, piece) in pieces(word).enumerated() {
                // Pieces after the first continue the word with no space between them.
                let gap = empty || i > 0 ? 0 : 1
                let w = TextWidth.of(piece)
                if !empty && lineWidth + gap + w > width { newLine() }
                let space = empty || i > 0 ? "" : " "
                if lineWidth + w <= width || !cutLongWords || (isURL(piece) && piece.utf8.count <= longestWholeURL) {
                    line += space + piece; lineWidth += TextWidth.of(space) + w; empty = false
                    continue
                }
                // A word too wide for any line: fill this line, then continue on the next ones.
                line += space; lineWidth += TextWidth.of(space)
                for ch in piece {
                    let cw = TextWidth.of(ch)
                    if lineWidth + cw > width && !empty { newLine() }
                    line.append(ch); lineWidth += cw; empty = false
                }
            }
        }
        lines.append(line)
        return lines.map { trimTrailingSpaces($0) }
    }

    /// `wrap` for text whose every byte is a printable ASCII character, so one byte is one grapheme of one
    /// column and no word is cut into pieces between wide characters: the same lines, computed on bytes instead
    /// of `Character`s (most summaries are English; the digest wraps every paragraph).
    static func wrapASCII(_ text: [UInt8], width: Int, first: [UInt8], rest: [UInt8], cutLongWords: Bool) -> [String] {
        let space = UInt8(ascii: " ")
        var lines: [String] = []
        var line = first
        var empty = true
        func newLine() {
            lines.append(trimmedString(line))
            line = rest
            empty = true
        }
        var start = 0
        while start < text.count {
            guard text[start] != space else { start += 1; continue }
            var end = start
            while end < text.count && text[end] != space { end += 1 }
            let word = text[start..<end]
            start = end
            let gap = empty ? 0 : 1
            if !empty && line.count + gap + word.count > width { newLine() }
            if line.count + word.count <= width || !cutLongWords || (isURL(word) && word.count <= longestWholeURL) {
                if !empty { line.append(space) }
                line += word; empty = false
                continue
            }
            // A word too wide for any line: fill this line, then continue on the next ones.
            if !empty { line.append(space) }
            for b in word {
                if line.count + 1 > width && !empty { newLine() }
                line.append(b); empty = false
            }
        }
        lines.append(trimmedString(line))
        return lines
    }

    static func isPrintableASCII(_ bytes: String.UTF8View) -> Bool {
        bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    private static func trimmedString(_ bytes: [UInt8]) -> String {
        var end = bytes.count
        while end > 0 && bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        return String(decoding: bytes[..<end], as: UTF8.self)
    }

    private static func isURL(_ word: ArraySlice<UInt8>) -> Bool {
        func hasPrefix(_ p: String) -> Bool {
            word.count >= p.utf8.count && zip(word, p.utf8).allSatisfy { a, b in
                (a >= UInt8(ascii: "A") && a <= UInt8(ascii: "Z") ? a + 32 : a) == b
            }
        }
        return hasPrefix("https://") || hasPrefix("http://") || hasPrefix("mailto:")
    }

    /// Lines of a label, a word wider than the line on a line of its own: what SVG charts draw.
    public static func lines(_ text: String, width: Int) -> [String] {
        let out = wrap(text, width: width, cutLongWords: false)
        return out == [""] ? [] : out
    }

    /// Bytes of the longest URL kept whole: RFC 5322 lines are at most 998 octets, with room for a prefix.
    public static let longestWholeURL = 900

    public static func isURL(_ word: Substring) -> Bool {
        let lower = word.lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:")
    }

    public static func trimTrailingSpaces(_ s: String) -> String {
        var s = Substring(s)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }

    /// A space-free word cut where a line may break inside it (between wide characters); most words are one piece.
    static func pieces(_ word: Substring) -> [Substring] {
        guard word.unicodeScalars.contains(where: { $0.value >= 0x1100 }) else { return [word] }
        var out: [Substring] = []
        var start = word.startIndex
        var previous: Character?
        for i in word.indices {
            let c = word[i]
            if let p = previous, i != start, (TextWidth.of(p) == 2 || TextWidth.of(c) == 2),
               !noLineStart.contains(c), !noLineEnd.contains(p) {
                out.append(word[start..<i])
                start = i
            }
            previous = c
        }
        out.append(word[start...])
        return out
    }

    /// Characters that never start a line (closing punctuation and small marks) or never end one (opening brackets).
    static let noLineStart: Set<Character> = Set("，。、；：！？）」』》〉】〕”’…·．,.;:!?)]}%")
    static let noLineEnd: Set<Character> = Set("（「『《〈【〔“‘([{")
}
