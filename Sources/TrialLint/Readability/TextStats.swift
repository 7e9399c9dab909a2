/// Word, sentence and syllable counts of plain text, tokenised the way textstat 0.7.3 does so the figures can be
/// cross-checked against it: a word is a whitespace-separated token with at least one letter or digit once
/// punctuation (hyphens and typographic apostrophes included) is removed; sentences end at `.`, `!` or `?` before
/// a space or the end, but not inside numbers (`0.87`); fragments of one or two words are not counted as
/// sentences (headings, list labels).
public struct TextStats: Sendable, Equatable, Codable {
    public var words = 0
    public var sentences = 0
    public var syllables = 0
    /// Words of three or more syllables (SMOG).
    public var polysyllables = 0
    /// Words of seven or more letters (for languages without a formula here).
    public var longWords = 0

    public init() {}

    public static func + (a: TextStats, b: TextStats) -> TextStats {
        var s = a
        s.words += b.words; s.sentences += b.sentences; s.syllables += b.syllables
        s.polysyllables += b.polysyllables; s.longWords += b.longWords
        return s
    }

    /// Counts over one paragraph (at least one sentence when it has words).
    public static func of(_ text: String, language: String) -> TextStats {
        var s = TextStats()
        var counted = 0
        for sentence in Sentences.split(text) {
            let words = Words.split(sentence)
            if words.count > 2 { counted += 1 }
            for w in words {
                let n = Syllables.count(w, language: language)
                s.words += 1
                s.syllables += n
                if n >= 3 { s.polysyllables += 1 }
                if w.unicodeScalars.filter({ $0.properties.isAlphabetic }).count >= 7 { s.longWords += 1 }
            }
        }
        s.sentences = s.words == 0 ? 0 : max(1, counted)
        return s
    }
}

enum Words {
    /// Tokens stripped of punctuation; straight apostrophes stay (contractions), as in textstat.
    static func split(_ text: String) -> [String] {
        var out: [String] = []
        for token in text.split(whereSeparator: { $0.isWhitespace }) {
            var w = String.UnicodeScalarView()
            for u in token.unicodeScalars where isWordScalar(u) { w.append(u) }
            if w.contains(where: { $0 != "'" }) { out.append(String(w)) }
        }
        return out
    }

    static func isWordScalar(_ u: Unicode.Scalar) -> Bool {
        let p = u.properties
        return p.isAlphabetic || p.numericType != nil || u == "'" || u == "_" || p.generalCategory == .nonspacingMark
    }
}

enum Sentences {
    /// Sentences of a paragraph with their character offsets.
    static func ranges(_ text: String) -> [(offset: Int, text: String)] {
        let chars = Array(text)
        var out: [(offset: Int, text: String)] = []
        var start = 0
        var i = 0
        func emit(_ end: Int) {
            let s = String(chars[start..<end]).trimmed
            if !s.isEmpty { out.append((start, s)) }
            start = end
        }
        while i < chars.count {
            if ".!?".contains(chars[i]) {
                var j = i + 1
                while j < chars.count, ".!?\"”’)]".contains(chars[j]) { j += 1 }
                if j == chars.count || chars[j].isWhitespace { emit(j); i = j; continue }
            }
            i += 1
        }
        emit(chars.count)
        return out
    }

    static func split(_ text: String) -> [String] { ranges(text).map(\.text) }
}

extension StringProtocol {
    var trimmed: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
