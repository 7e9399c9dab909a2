/// Syllable and letter counts already worked out for one language, by word. Words of ASCII text up to 24 bytes
/// (nearly all) are looked up by their bytes in an open-addressing table, so counting a paragraph makes no String
/// per word; longer and non-ASCII words go by String as before. A count depends on the word alone.
struct WordCounts {
    struct Counts { var syllables: Int; var letters: Int }

    /// Three words per slot: the bytes packed little-endian, the length in the last word's top byte (0 = empty).
    private var keys: [UInt64] = Array(repeating: 0, count: 3 * 1024)
    private var values: [Counts] = Array(repeating: Counts(syllables: 0, letters: 0), count: 1024)
    private var used = 0
    private var byString: [String: Counts] = [:]

    /// The counts of a word given as its bytes (`Words.forEachASCIIWord` cuts them).
    mutating func counts(_ word: UnsafeBufferPointer<UInt8>, language: String) -> Counts {
        guard word.count <= 23 else { return counts(String(decoding: word, as: UTF8.self), language: language) }
        var key: (UInt64, UInt64, UInt64) = (0, 0, 0)
        if let bytes = word.baseAddress { withUnsafeMutableBytes(of: &key) { $0.baseAddress!.copyMemory(from: bytes, byteCount: word.count) } }
        let k0 = key.0, k1 = key.1, k2 = key.2 | UInt64(word.count) << 56
        let mask = values.count - 1
        var slot = WordCounts.slot(k0, k1, k2) & mask
        while true {
            let len = keys[3 * slot + 2]
            if len == 0 { break }
            if keys[3 * slot] == k0 && keys[3 * slot + 1] == k1 && len == k2 { return values[slot] }
            slot = (slot + 1) & mask
        }
        let c = WordCounts.count(String(decoding: word, as: UTF8.self), language: language)
        keys[3 * slot] = k0; keys[3 * slot + 1] = k1; keys[3 * slot + 2] = k2
        values[slot] = c
        used += 1
        if used * 2 > values.count { grow() }
        return c
    }

    /// The counts of a word given as a String (the scalar path).
    mutating func counts(_ word: String, language: String) -> Counts {
        if let known = byString[word] { return known }
        let c = WordCounts.count(word, language: language)
        byString[word] = c
        return c
    }

    static func count(_ word: String, language: String) -> Counts {
        var letters = 0
        for u in word.unicodeScalars where Words.isLetter(u) { letters += 1 }
        return Counts(syllables: Syllables.count(word, language: language), letters: letters)
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        values = Array(repeating: Counts(syllables: 0, letters: 0), count: oldValues.count * 2)
        let mask = values.count - 1
        for s in 0..<oldValues.count where oldKeys[3 * s + 2] != 0 {
            let k0 = oldKeys[3 * s], k1 = oldKeys[3 * s + 1], k2 = oldKeys[3 * s + 2]
            var slot = WordCounts.slot(k0, k1, k2) & mask
            while keys[3 * slot + 2] != 0 { slot = (slot + 1) & mask }
            keys[3 * slot] = k0; keys[3 * slot + 1] = k1; keys[3 * slot + 2] = k2
            values[slot] = oldValues[s]
        }
    }

    /// A multiplicative hash of the packed key (the table is private to one lint thread: no flooding to fear).
    @inline(__always) private static func slot(_ k0: UInt64, _ k1: UInt64, _ k2: UInt64) -> Int {
        var h = (k0 &* 0x9E37_79B9_7F4A_7C15) ^ (k1 &* 0xC2B2_AE3D_27D4_EB4F) ^ (k2 &* 0x1656_67B1_9E37_79F9)
        h ^= h >> 29
        return Int(truncatingIfNeeded: h)
    }
}
