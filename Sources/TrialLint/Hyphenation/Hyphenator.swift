/// Liang's hyphenation algorithm over TeX-style patterns (`a1b`, `.ex5am`), as Hyphen, LibreOffice and pyphen
/// run it. Patterns live in a trie with one row per node and one column per letter of the patterns' alphabet,
/// so finding every pattern at every position of a word is array indexing, not hashing substrings.
struct Hyphenator: Sendable {
    /// Letter codes: ASCII by table, the few other scalars of the patterns (é, ’, ligatures) by dictionary.
    private let asciiCode: [Int32]
    private let otherCode: [Unicode.Scalar: Int32]
    private let width: Int
    /// `next[node * width + letter]` is the child node, 0 when there is none (the root is never a child).
    private let next: [Int32]
    /// Each node's inter-letter values (letters + 1 of them) are `digits[valueStart[node]...]`, `valueCount[node]`
    /// long; 0 long when no pattern ends there. One flat array: a small array per node was most of building.
    private let valueStart: [Int32]
    private let valueCount: [UInt8]
    private let digits: [UInt8]
    /// Smallest first and last fragments, as pyphen's defaults (and textstat's use of it) have them.
    let leftMin = 2, rightMin = 2

    /// Built once per run before the first English word is counted, from the pattern text's UTF-8 in two passes
    /// (the alphabet, then the trie); patterns are separated by spaces or newlines, digits are values, every
    /// other scalar a letter.
    init(patterns text: String) {
        var text = text
        var alphabet = Alphabet()
        let (next, valueStart, valueCount, digits) = text.withUTF8 { bytes -> ([Int32], [Int32], [UInt8], [UInt8]) in
            let (scalars, _) = UTF8Scalars.decode(bytes)
            func isSeparator(_ u: Unicode.Scalar) -> Bool { u == " " || u == "\n" }
            func isDigit(_ u: Unicode.Scalar) -> Bool { u.value >= 48 && u.value <= 57 }
            // Each letter's code, worked out in a first pass: the trie's rows are as wide as the alphabet.
            var codes = [Int32](repeating: -1, count: scalars.count)
            for k in 0..<scalars.count where !isSeparator(scalars[k]) && !isDigit(scalars[k]) { codes[k] = alphabet.add(scalars[k]) }
            let w = alphabet.width
            var next = [Int32](repeating: 0, count: w)
            var valueStart: [Int32] = [0]
            var valueCount: [UInt8] = [0]
            var digits: [UInt8] = []
            next.reserveCapacity(w * 32_768)
            digits.reserveCapacity(scalars.count)
            var i = 0
            while i < scalars.count {
                while i < scalars.count, isSeparator(scalars[i]) { i += 1 }
                guard i < scalars.count else { break }
                var node = 0
                let first = digits.count
                digits.append(0)
                while i < scalars.count, !isSeparator(scalars[i]) {
                    let u = scalars[i], c = codes[i]
                    i += 1
                    if c < 0 { digits[digits.count - 1] = UInt8(u.value - 48); continue }
                    let slot = node * w + Int(c)
                    if next[slot] == 0 {
                        next[slot] = Int32(valueStart.count)
                        valueStart.append(0)
                        valueCount.append(0)
                        next.append(contentsOf: repeatElement(0, count: w))
                    }
                    node = Int(next[slot])
                    digits.append(0)
                }
                valueStart[node] = Int32(first)
                valueCount[node] = UInt8(digits.count - first)
            }
            return (next, valueStart, valueCount, digits)
        }
        self.asciiCode = alphabet.ascii
        self.otherCode = alphabet.other
        self.width = alphabet.width
        self.next = next
        self.valueStart = valueStart
        self.valueCount = valueCount
        self.digits = digits
    }

    /// Codes given to letters in order of first appearance.
    private struct Alphabet {
        var ascii = [Int32](repeating: -1, count: 128)
        var other: [Unicode.Scalar: Int32] = [:]
        var width = 0

        mutating func add(_ u: Unicode.Scalar) -> Int32 {
            if u.value < 128 {
                let known = ascii[Int(u.value)]
                if known >= 0 { return known }
                ascii[Int(u.value)] = Int32(width)
            } else {
                if let known = other[u] { return known }
                other[u] = Int32(width)
            }
            width += 1
            return Int32(width - 1)
        }
    }

    private func code(_ u: Unicode.Scalar) -> Int {
        u.value < 128 ? Int(asciiCode[Int(u.value)]) : Int(otherCode[u] ?? -1)
    }

    /// Break points inside `word` (lower case), as offsets from its start, within the left/right minimums.
    func breakCount(_ word: [Unicode.Scalar]) -> Int {
        let dot = code(".")
        var codes: [Int] = [dot]
        codes.reserveCapacity(word.count + 2)
        for u in word { codes.append(code(u)) }
        codes.append(dot)
        var points = [UInt8](repeating: 0, count: codes.count + 1)
        for start in 0..<codes.count {
            var node = 0
            var i = start
            while i < codes.count, codes[i] >= 0 {
                let child = Int(next[node * width + codes[i]])
                if child == 0 { break }
                node = child
                i += 1
                let first = Int(valueStart[node])
                for k in 0..<Int(valueCount[node]) where digits[first + k] > points[start + k] { points[start + k] = digits[first + k] }
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
