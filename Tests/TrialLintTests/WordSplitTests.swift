import Testing
@testable import TrialLint
import TrialModel

/// The ASCII fast path of `Words.split` cuts the same words as the general scalar path, and the byte-level
/// ASCII and substring tests decide as the plain ones.
@Suite struct WordSplitTests {
    static let pieces = ["a", "Bc", "word", " ", "  ", "\t", "\n", "'", "don't", "_", "-", "well-known", "25", "0.75", "%",
                         "(x)", "’", "é", "naïve", "...", "!", "?", "''", "x'", "'y", "a-b-c", "\r\n", ",", "ﬁ", "٣"]

    static func strings() -> [String] {
        var state: UInt64 = 42
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        var out = ["", " ", "a", "'", "''' '", "-", "a-", "-a", "a-b c", "x_y", "12-34"]
        for _ in 0..<3000 { out.append((0..<next(24)).map { _ in pieces[next(pieces.count)] }.joined()) }
        return out
    }

    @Test func theASCIIPathCutsTheSameWords() {
        var ascii = 0
        for s in Self.strings() {
            if s.utf8.allSatisfy({ $0 < 0x80 }) { ascii += 1 }
            #expect(Words.split(s) == Words.split(s, asciiFastPath: false), "\(s.debugDescription)")
        }
        #expect(ascii > 500)
    }

    /// Counting from bytes (`WordCounts`, no String per word) gives the counts of the word Strings, table growth
    /// and words too long for the byte table included.
    @Test func countingFromBytesMatchesCountingWords() {
        var wordCounts: [Int] = []
        let long = "supercalifragilisticexpialidocious antidisestablishmentarianism x"
        var distinct = (0..<3000).map { "w\($0)x\($0 * 7)" }.joined(separator: " ")
        distinct += "."
        for language in ["en", "es"] {
            var counts = WordCounts()   // one table per language, as the linter keeps them
            for s in Self.strings() + [long, distinct, long + ". " + distinct] {
                let sentences = Sentences.split(s)
                let words = sentences.map(Words.split)
                let expected = TextStats.of(sentences: words, language: language)
                let got = TextStats.of(sentences: sentences, language: language, counts: &counts, wordCounts: &wordCounts)
                #expect(got == expected, "\(s.debugDescription)")
                #expect(wordCounts == words.map(\.count), "\(s.debugDescription)")
            }
        }
    }

    /// Sentences, capitals and letter runs of ASCII text cut from bytes as the scalar and Character paths cut them.
    @Test func asciiSentencesCapitalsAndLetterRunsMatchTheGeneralPaths() {
        let extra = ["Yes. No! Why? \"Quoted.\" (Aside.) [Note.] 0.87 is fine.", "A.B. c", "end.", "...", ". . .", "x.\"y",
                     "THE TRIAL of DNA and XYZ-1, ABC2 and NICE", "AB", "ABC", "A", "aBC", "ABC.", "X Y Z", "ÉCLAT AND MORE"]
        let known: Set<String> = ["DNA", "NICE"]
        for s in Self.strings() + extra {
            #expect(Sentences.split(s) == Sentences.split(s, asciiFastPath: false), "\(s.debugDescription)")
            let caps = s.uppercased()
            #expect(WordingRules.allCaps(caps, known: known) == WordingRules.allCaps(caps, known: known, asciiFastPath: false), "\(caps.debugDescription)")
            #expect(WordingRules.allCaps(s, known: known) == WordingRules.allCaps(s, known: known, asciiFastPath: false), "\(s.debugDescription)")
            #expect(WordingRules.letterRuns(s) == s.split(whereSeparator: { !$0.isLetter }).map(String.init), "\(s.debugDescription)")
        }
    }

    @Test func byteTestsDecideAsThePlainOnes() {
        for s in Self.strings() + [String(repeating: "a", count: 17) + "é", "abcdefgh", "abcdefghé", "\u{7F}\u{80}"] {
            #expect(s.isASCIIText == s.utf8.allSatisfy { $0 < 0x80 }, "\(s.debugDescription)")
            #expect(s.containsUTF8Byte(0x0D) == s.utf8.contains(0x0D), "\(s.debugDescription)")
        }
    }
}
