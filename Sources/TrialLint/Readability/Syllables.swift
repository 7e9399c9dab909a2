/// Syllable counts per word. English uses the hyphenation patterns (a syllable per hyphenation point plus one,
/// the approach of textstat 0.7.3 via pyphen); other languages count vowel groups, an approximation the report
/// names.
enum Syllables {
    static func count(_ word: String, language: String) -> Int {
        let lower = Array(word.lowercased().unicodeScalars)
        if language == "en" { return Hyphenator.english.breakCount(lower) + 1 }
        var groups = 0
        var inVowel = false
        for u in lower {
            let v = vowels.contains(u)
            if v && !inVowel { groups += 1 }
            inVowel = v
        }
        return max(1, groups)
    }

    private static let vowels: Set<Unicode.Scalar> = Set("aeiouyàáâäãåèéêëìíîïòóôöõùúûüýÿæœ".unicodeScalars)
}
