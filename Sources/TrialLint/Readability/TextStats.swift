import TrialModel

/// Word, sentence and syllable counts of plain text, tokenised the way textstat 0.7.3 does so the figures can be
/// cross-checked against it: a word is a whitespace-separated token with at least one letter or digit once
/// punctuation (hyphens and typographic apostrophes included) is removed; sentences end at `.`, `!` or `?` before
/// a space or the end, but not inside numbers (`0.87`); fragments of one or two words are not counted as
/// sentences (headings, list labels). Works on Unicode scalars with an ASCII fast path: grapheme breaking and
/// property look-ups were most of lint's time.
public struct TextStats: Sendable, Equatable, Codable {
    public var words = 0
    public var sentences = 0
    public var syllables = 0
    /// Words of three or more syllables (SMOG).
    public var polysyllables = 0
    /// Words of seven or more letters (for languages without a formula here).
    public var longWords = 0

    public init() {}

    enum CodingKeys: String, CodingKey { case words, sentences, syllables, polysyllables, longWords }

    public static func + (a: TextStats, b: TextStats) -> TextStats {
        var s = a
        s.words += b.words; s.sentences += b.sentences; s.syllables += b.syllables
        s.polysyllables += b.polysyllables; s.longWords += b.longWords
        return s
    }

    /// Counts over one paragraph (at least one sentence when it has words).
    public static func of(_ text: String, language: String) -> TextStats {
        of(sentences: Sentences.split(text).map(Words.split), language: language)
    }

    /// Counts over a paragraph already split into sentences of words.
    static func of(sentences: [[String]], language: String) -> TextStats {
        var cache: [String: Int] = [:]
        return of(sentences: sentences, language: language, cache: &cache)
    }

    /// As above, with syllable counts remembered across the paragraphs of a summary (its words repeat).
    static func of(sentences: [[String]], language: String, cache: inout [String: Int]) -> TextStats {
        var s = TextStats()
        var counted = 0
        for words in sentences {
            if words.count > 2 { counted += 1 }
            for w in words {
                let n: Int
                if let known = cache[w] { n = known } else { n = Syllables.count(w, language: language); cache[w] = n }
                s.words += 1
                s.syllables += n
                if n >= 3 { s.polysyllables += 1 }
                var letters = 0
                for u in w.unicodeScalars where Words.isLetter(u) { letters += 1 }
                if letters >= 7 { s.longWords += 1 }
            }
        }
        s.sentences = s.words == 0 ? 0 : max(1, counted)
        return s
    }

    /// As above from the sentences as text, with each sentence's number of words in `wordCounts`. Words of ASCII
    /// sentences are counted from their bytes (no String per word); the same words, the same counts.
    static func of(sentences: [String], language: String, counts: inout WordCounts, wordCounts: inout [Int]) -> TextStats {
        var s = TextStats()
        var counted = 0
        wordCounts.removeAll(keepingCapacity: true)
        func add(_ c: WordCounts.Counts) {
            s.words += 1
            s.syllables += c.syllables
            if c.syllables >= 3 { s.polysyllables += 1 }
            if c.letters >= 7 { s.longWords += 1 }
        }
        for sentence in sentences {
            let before = s.words
            var text = sentence
            let ascii = text.withUTF8 { bytes -> Bool in
                guard ASCIIBytes.all(bytes) else { return false }
                Words.forEachASCIIWord(bytes) { add(counts.counts($0, language: language)) }
                return true
            }
            if !ascii { for w in Words.split(sentence) { add(counts.counts(w, language: language)) } }
            let n = s.words - before
            if n > 2 { counted += 1 }
            wordCounts.append(n)
        }
        s.sentences = s.words == 0 ? 0 : max(1, counted)
        return s
    }
}

enum Words {
    /// Tokens stripped of punctuation; straight apostrophes stay (contractions), as in textstat. A token's kept
    /// bytes are collected in one buffer and made a String once.
    static func split(_ text: String) -> [String] { split(text, asciiFastPath: true) }

    /// `asciiFastPath: false` runs the general scalar path on any text (tests compare the two).
    static func split(_ text: String, asciiFastPath: Bool) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            if asciiFastPath, let words = splitASCII(bytes) { return words }
            let (u, offset) = UTF8Scalars.decode(bytes)
            var out: [String] = []
            var w: [UInt8] = []
            w.reserveCapacity(32)
            var hasWordChar = false
            func flush() {
                if hasWordChar { out.append(String(decoding: w, as: UTF8.self)) }
                w.removeAll(keepingCapacity: true)
                hasWordChar = false
            }
            for k in 0..<u.count {
                let s = u[k]
                if isSpace(s) { flush(); continue }
                if isWordScalar(s) {
                    w.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[offset[k]..<offset[k + 1]]))
                    if s != "'" { hasWordChar = true }
                }
            }
            flush()
            return out
        }
    }

    /// `split` for ASCII text (nil at the first other byte): each byte is a scalar, so the same tests run on
    /// bytes, and a token whose kept bytes are contiguous (most are) becomes a String without a buffer.
    private static func splitASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        guard ASCIIBytes.all(bytes) else { return nil }
        var out: [String] = []
        forEachASCIIWord(bytes) { out.append(String(decoding: $0, as: UTF8.self)) }
        return out
    }

    /// Each word of ASCII text as `split` cuts it, given as its kept bytes: a slice of `bytes` when they are
    /// contiguous (most are), else a buffer.
    static func forEachASCIIWord(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var w: [UInt8] = []
        var runStart = 0, runEnd = 0
        var kept = false, buffered = false, hasWordChar = false
        func flush() {
            if hasWordChar {
                if buffered { w.withUnsafeBufferPointer(body) } else { body(UnsafeBufferPointer(rebasing: bytes[runStart..<runEnd])) }
            }
            if buffered { w.removeAll(keepingCapacity: true) }
            kept = false; buffered = false; hasWordChar = false
        }
        for i in 0..<bytes.count {
            let b = bytes[i]
            if b == 32 || (b >= 9 && b <= 13) { flush(); continue }
            let lower = b | 0x20
            guard (lower >= 97 && lower <= 122) || (b >= 48 && b <= 57) || b == 39 || b == 95 else { continue }
            if b != 39 { hasWordChar = true }
            if !kept {
                kept = true; runStart = i; runEnd = i + 1
            } else if buffered {
                w.append(b)
            } else if runEnd == i {
                runEnd = i + 1
            } else {
                w.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<runEnd]))
                w.append(b)
                buffered = true
            }
        }
        flush()
    }

    @inline(__always) static func isSpace(_ u: Unicode.Scalar) -> Bool {
        u.isASCII ? (u == " " || (u.value >= 9 && u.value <= 13)) : u.properties.isWhitespace
    }

    @inline(__always) static func isLetter(_ u: Unicode.Scalar) -> Bool {
        if u.isASCII { return (u.value | 0x20) >= 97 && (u.value | 0x20) <= 122 }
        return u.properties.isAlphabetic
    }

    static func isWordScalar(_ u: Unicode.Scalar) -> Bool {
        if u.isASCII { return isLetter(u) || (u.value >= 48 && u.value <= 57) || u == "'" || u == "_" }
        let p = u.properties
        return p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
    }
}

enum Sentences {
    // Switches, not sets of scalars: hashing every scalar of every paragraph showed in lint's profile.
    @inline(__always) private static func isEnder(_ u: Unicode.Scalar) -> Bool {
        u == "." || u == "!" || u == "?"
    }

    @inline(__always) private static func isCloser(_ u: Unicode.Scalar) -> Bool {
        switch u {
        case ".", "!", "?", "\"", "”", "’", ")", "]": true
        default: false
        }
    }

    /// Sentences of a paragraph, trimmed. Each sentence is cut from the UTF-8 bytes in one piece (appending it
    /// scalar by scalar cost a tenth of lint).
    static func split(_ text: String) -> [String] { split(text, asciiFastPath: true) }

    /// `asciiFastPath: false` runs the scalar path on any text (tests compare the two).
    static func split(_ text: String, asciiFastPath: Bool) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            if asciiFastPath, ASCIIBytes.all(bytes) { return splitASCII(bytes) }
            let (u, offset) = UTF8Scalars.decode(bytes)
            var out: [String] = []
            var start = 0
            var i = 0
            func emit(_ end: Int) {
                var a = start, b = end
                while a < b, Words.isSpace(u[a]) { a += 1 }
                while b > a, Words.isSpace(u[b - 1]) { b -= 1 }
                if a < b { out.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[offset[a]..<offset[b]]), as: UTF8.self)) }
                start = end
            }
            while i < u.count {
                if isEnder(u[i]) {
                    var j = i + 1
                    while j < u.count, isCloser(u[j]) { j += 1 }
                    if j == u.count || Words.isSpace(u[j]) { emit(j); i = j; continue }
                }
                i += 1
            }
            emit(u.count)
            return out
        }
    }
}

extension Sentences {
    /// `split` on ASCII text: each byte a scalar at its own offset, so the same tests run on the bytes without
    /// decoding them into arrays (the typographic closers are not ASCII and cannot occur).
    static func splitASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        @inline(__always) func isSpace(_ b: UInt8) -> Bool { b == 32 || (b >= 9 && b <= 13) }
        @inline(__always) func isEnder(_ b: UInt8) -> Bool { b == 0x2E || b == 0x21 || b == 0x3F }
        @inline(__always) func isCloser(_ b: UInt8) -> Bool { isEnder(b) || b == 0x22 || b == 0x29 || b == 0x5D }
        var out: [String] = []
        var start = 0
        var i = 0
        let n = bytes.count
        func emit(_ end: Int) {
            var a = start, b = end
            while a < b, isSpace(bytes[a]) { a += 1 }
            while b > a, isSpace(bytes[b - 1]) { b -= 1 }
            if a < b { out.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[a..<b]), as: UTF8.self)) }
            start = end
        }
        while i < n {
            if isEnder(bytes[i]) {
                var j = i + 1
                while j < n, isCloser(bytes[j]) { j += 1 }
                if j == n || isSpace(bytes[j]) { emit(j); i = j; continue }
            }
            i += 1
        }
        emit(n)
        return out
    }
}

/// The scalars of valid UTF-8 with the byte offset where each starts (one more offset: the end).
enum UTF8Scalars {
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> ([Unicode.Scalar], [Int]) {
        // ASCII (most text): a scalar per byte, each at its own offset; two plain loops instead of appends.
        if ASCIIBytes.all(bytes) {
            let n = bytes.count
            let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: n) { buffer, count in
                for i in 0..<n { buffer[i] = Unicode.Scalar(bytes[i]) }
                count = n
            }
            let offsets = [Int](unsafeUninitializedCapacity: n + 1) { buffer, count in
                for i in 0...n { buffer[i] = i }
                count = n + 1
            }
            return (scalars, offsets)
        }
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []
        scalars.reserveCapacity(bytes.count)
        offsets.reserveCapacity(bytes.count + 1)
        var i = 0
        while i < bytes.count {
            let b0 = UInt32(bytes[i])
            offsets.append(i)
            if b0 < 0x80 {
                scalars.append(Unicode.Scalar(UInt8(b0))); i += 1
            } else if b0 < 0xE0 {
                scalars.append(Unicode.Scalar((b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F))!); i += 2
            } else if b0 < 0xF0 {
                scalars.append(Unicode.Scalar((b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F))!); i += 3
            } else {
                scalars.append(Unicode.Scalar((b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                                              | UInt32(bytes[i + 3] & 0x3F))!); i += 4
            }
        }
        offsets.append(bytes.count)
        return (scalars, offsets)
    }
}

extension StringProtocol {
    var trimmed: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
