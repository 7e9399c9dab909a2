import Foundation
import Testing
import TestSupport
@testable import TrialLint
import TrialModel

/// The trie gives the break points Liang's algorithm gives when run the plain way: every substring of the
/// dotted word looked up in a table of patterns.
@Suite struct HyphenatorTests {
    /// Pattern letters → inter-letter values, parsed from the same text without the trie.
    static let table: [String: [UInt8]] = {
        var out: [String: [UInt8]] = [:]
        for token in EnglishHyphenationPatterns.text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            var letters = "", values: [UInt8] = [0]
            for u in token.unicodeScalars {
                if (48...57).contains(u.value) { values[values.count - 1] = UInt8(u.value - 48) } else {
                    letters.unicodeScalars.append(u)
                    values.append(0)
                }
            }
            out[letters] = values
        }
        return out
    }()

    static func referenceBreaks(_ word: String) -> Int {
        let chars = Array(("." + word + ".").unicodeScalars)
        var points = [UInt8](repeating: 0, count: chars.count + 1)
        for i in 0..<chars.count {
            for j in (i + 1)...chars.count {
                var key = ""
                key.unicodeScalars.append(contentsOf: chars[i..<j])
                guard let values = table[key] else { continue }
                for (k, v) in values.enumerated() where v > points[i + k] { points[i + k] = v }
            }
        }
        let n = word.unicodeScalars.count
        return (1..<points.count).filter { points[$0] % 2 == 1 && $0 - 1 >= 2 && $0 - 1 <= n - 2 }.count
    }

    @Test func theTrieMatchesThePlainAlgorithm() throws {
        let text = try String(contentsOf: TestSupport.repoRoot.appendingPathComponent("Tests/TrialLintTests/Fixtures/paragraphs.txt"), encoding: .utf8)
            + TextUnit.all(in: try TestSupport.patina().summary).map(\.plain).joined(separator: " ")
        var words = Set(Words.split(text).map { $0.lowercased() })
        words.formUnion(["", "a", "ab", "hyperlegible", "self-effacing", "ﬁnal", "ﬂuﬀy", "café", "don’t", "naïve", "x1y2"])
        #expect(words.count > 500)
        for w in words {
            #expect(Hyphenator.english.breakCount(Array(w.unicodeScalars)) == Self.referenceBreaks(w), "\(w)")
        }
    }
}
