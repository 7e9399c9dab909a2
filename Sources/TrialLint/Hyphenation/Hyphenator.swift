/// Liang's hyphenation algorithm over TeX-style patterns (`a1b`, `.ex5am`), as Hyphen, LibreOffice and pyphen
/// run it. Patterns live in a trie with one row per node and one column per letter of the patterns' alphabet,
/// so finding every pattern at every position of a word is array indexing, not hashing substrings.
struct Hyphenator: Sendable {
    private let alphabet: [Unicode.Scalar: Int]
    private let width: Int
    /// `next[node * width + letter]` is the child node, 0 when there is none (the root is never a child).
    private let next: [Int32]
    /// Each node's inter-letter values (count = letters + 1), empty when no pattern ends there.
    private let values: [[UInt8]]
    /// Smallest first and last fragments, as pyphen's defaults (and textstat's use of it) have them.
    let leftMin = 2, rightMin = 2

    init(patterns text: String) {
        var letters: [Unicode.Scalar: Int] = [:]
        var parsed: [([Unicode.Scalar], [UInt8])] = []
        // Split on scalars, not Characters: the pattern text holds no combining marks, and grapheme breaking
        // was a third of building the trie (once per run, before the first word is counted).
        for token in text.unicodeScalars.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            var chars: [Unicode.Scalar] = []
            var vals: [UInt8] = [0]
            chars.reserveCapacity(token.count)
            vals.reserveCapacity(token.count + 1)
            for u in token {
                if (48...57).contains(u.value) { vals[vals.count - 1] = UInt8(u.value - 48) } else {
                    chars.append(u)
                    vals.append(0)
                    if letters[u] == nil { letters[u] = letters.count }
                }
            }
            parsed.append((chars, vals))
        }
        let width = letters.count
        var next = [Int32](repeating: 0, count: width)
        var values: [[UInt8]] = [[]]
        for (chars, vals) in parsed {
            var node = 0
            for u in chars {
                let slot = node * width + letters[u]!
                if next[slot] == 0 {
                    next[slot] = Int32(values.count)
                    values.append([])
                    next.append(contentsOf: repeatElement(0, count: width))
                }
                node = Int(next[slot])
            }
            values[node] = vals
        }
        self.alphabet = letters
        self.width = width
        self.next = next
        self.values = values
    }

    /// Break points inside `word` (lower case), as offsets from its start, within the left/right minimums.
    func breakCount(_ word: [Unicode.Scalar]) -> Int {
        let dot = alphabet["."]
        var codes: [Int] = [dot ?? -1]
        codes.reserveCapacity(word.count + 2)
        for u in word { codes.append(alphabet[u] ?? -1) }
        codes.append(dot ?? -1)
        var points = [UInt8](repeating: 0, count: codes.count + 1)
        for start in 0..<codes.count {
            var node = 0
            var i = start
            while i < codes.count, codes[i] >= 0 {
                let child = Int(next[node * width + codes[i]])
                if child == 0 { break }
                node = child
                i += 1
                let v = values[node]
                for (k, x) in v.enumerated() where x > points[start + k] { points[start + k] = x }
            }
        }
        // points[i] sits before codes[i]; in the word (without the leading dot) that is offset i - 1.
        var count = 0
        for i in 1..<points.count where points[i] % 2 == 1 {
            let offset = i - 1
            if offset >= leftMin && offset <= word.count - rightMin { count += 1 }
        }
        return count
    }

    static let english = Hyphenator(patterns: EnglishHyphenationPatterns.text)
}
