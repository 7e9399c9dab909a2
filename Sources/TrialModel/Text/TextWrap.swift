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
        return wrapKnown(text, width: width, first: first, rest: rest, cutLongWords: cutLongWords)
            ?? wrapGraphemes(text, width: width, first: first, rest: rest, cutLongWords: cutLongWords)
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

    /// A grapheme cluster of text made of `KnownScalars`: its bytes, its width, and its scalar when it is one
    /// scalar (nil when marks follow it).
    package struct Cluster {
        package var start: Int, end: Int, width: Int, scalar: UInt32?
    }

    /// The clusters of text made only of `KnownScalars` (a base and the marks after it; a mark at the start is a
    /// cluster of its own), or nil for other text.
    package static func clusters(_ text: String) -> (bytes: [UInt8], clusters: [Cluster])? {
        let bytes = Array(text.utf8)
        var out: [Cluster] = []
        out.reserveCapacity(bytes.count)
        let known = bytes.withUnsafeBufferPointer { b in
            KnownScalars.scalars(b) { offset, scalar, width in
                let length = scalar < 0x80 ? 1 : scalar < 0x800 ? 2 : 3
                if width == 0, !out.isEmpty {
                    out[out.count - 1].end = offset + length; out[out.count - 1].scalar = nil
                } else {
                    out.append(Cluster(start: offset, end: offset + length, width: width, scalar: scalar))
                }
            }
        }
        return known ? (bytes, out) : nil
    }

    /// `wrapGraphemes` for text made only of `KnownScalars`, on its clusters as `clusters` finds them from the
    /// bytes instead of breaking the text into Characters: the same lines (`FastPathTests`), or nil for other text.
    static func wrapKnown(_ text: String, width: Int, first: String, rest: String, cutLongWords: Bool) -> [String]? {
        guard let (bytes, all) = clusters(text) else { return nil }
        let spaceWidth = TextWidth.of(" ")
        var lines: [String] = []
        var line = Array(first.utf8)
        var lineWidth = TextWidth.of(first)
        var empty = true
        func newLine() {
            lines.append(trimTrailingSpaces(String(decoding: line, as: UTF8.self)))
            line = Array(rest.utf8)
            lineWidth = TextWidth.of(rest)
            empty = true
        }
        var i = 0
        while i < all.count {
            guard all[i].scalar != 0x20 else { i += 1; continue }
            var end = i
            while end < all.count && all[end].scalar != 0x20 { end += 1 }
            let word = all[i..<end]
            i = end
            for (k, piece) in pieces(word).enumerated() {
                // Pieces after the first continue the word with no space between them.
                let gap = empty || k > 0 ? 0 : 1
                let w = piece.reduce(0) { $0 + $1.width }
                if !empty && lineWidth + gap + w > width { newLine() }
                let space = !(empty || k > 0)
                let pieceBytes = bytes[piece.first!.start..<piece.last!.end]
                if lineWidth + w <= width || !cutLongWords || (isURL(piece, bytes) && pieceBytes.count <= longestWholeURL) {
                    if space { line.append(0x20) }
                    line += pieceBytes; lineWidth += (space ? spaceWidth : 0) + w; empty = false
                    continue
                }
                // A word too wide for any line: fill this line, then continue on the next ones.
                if space { line.append(0x20); lineWidth += spaceWidth }
                for ch in piece {
                    if lineWidth + ch.width > width && !empty { newLine() }
                    line += bytes[ch.start..<ch.end]; lineWidth += ch.width; empty = false
                }
            }
        }
        lines.append(trimTrailingSpaces(String(decoding: line, as: UTF8.self)))
        return lines
    }

    /// `pieces` on clusters: a word cut between two clusters when either is wide, except before a character of
    /// `noLineStart` or after one of `noLineEnd` (a cluster with marks is neither).
    static func pieces(_ word: ArraySlice<Cluster>) -> [ArraySlice<Cluster>] {
        guard word.contains(where: { $0.width == 2 }) else { return [word] }
        var out: [ArraySlice<Cluster>] = []
        var start = word.startIndex
        for i in word.indices.dropFirst() {
            let p = word[i - 1], c = word[i]
            if p.width == 2 || c.width == 2, !(c.scalar.map(noLineStartScalars.contains) ?? false),
               !(p.scalar.map(noLineEndScalars.contains) ?? false) {
                out.append(word[start..<i])
                start = i
            }
        }
        out.append(word[start...])
        return out
    }

    /// `isURL` on clusters: the scheme's characters must be clusters of their own, as `hasPrefix` compares
    /// Characters ("https://" followed by a mark does not start with "https://").
    private static func isURL(_ piece: ArraySlice<Cluster>, _ bytes: [UInt8]) -> Bool {
        guard let length = schemeLength(bytes[piece.first!.start..<piece.last!.end]) else { return false }
        return piece.prefix(length).allSatisfy { $0.scalar != nil }
    }

    static let noLineStartScalars = Set(noLineStart.map { $0.unicodeScalars.first!.value })
    static let noLineEndScalars = Set(noLineEnd.map { $0.unicodeScalars.first!.value })

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

    private static func isURL(_ word: ArraySlice<UInt8>) -> Bool { schemeLength(word) != nil }

    /// The bytes of the URL scheme `word` starts with (any case), if any.
    private static func schemeLength(_ word: ArraySlice<UInt8>) -> Int? {
        func hasPrefix(_ p: String) -> Bool {
            word.count >= p.utf8.count && zip(word, p.utf8).allSatisfy { a, b in
                (a >= UInt8(ascii: "A") && a <= UInt8(ascii: "Z") ? a + 32 : a) == b
            }
        }
        return ["https://", "http://", "mailto:"].first(where: hasPrefix)?.utf8.count
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
