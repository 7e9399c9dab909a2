import Testing
@testable import TrialLint

/// The byte-level shortcuts in the wording rules decide exactly as the Character and regex checks they guard.
@Suite struct FastCheckTests {
    @Test func digitCheckMatchesCharacters() {
        for t in ["no digits", "3 people", "x5y", "5\u{301} with a combining mark", "é5é", "٣ Arabic-Indic", "a1\u{20E3}"] {
            #expect(t.hasASCIIDigitCharacter == t.contains { $0.isASCII && $0.isNumber }, "\(t)")
        }
    }

    @Test func literalPreChecksNeverHideAMatch() {
        let samples = ["p = 0.03", "95% CI 0.5 to 0.9", "confidence interval 1.2–3.4", "[1.2, 3.4]", "25% lower risk of death",
                       "reduced the risk by 30 per cent", "halved the risk", "twice as likely", "Twice As LIKELY", "95% \u{212A}I 1 to 2"]
        for s in samples {
            let unsure = s.hasCaseFoldingToASCII
            if Patterns.confidenceInterval.firstMatch(in: s) != nil { #expect(unsure || Patterns.mayHaveConfidenceInterval(s), "\(s)") }
            if Patterns.relativeRisk.firstMatch(in: s) != nil { #expect(unsure || Patterns.mayHaveRelativeRisk(s), "\(s)") }
            if Patterns.pValue.firstMatch(in: s) != nil { #expect(s.hasDecimalSeparatorBeforeDigit, "\(s)") }
        }
        #expect("\u{212A}".hasCaseFoldingToASCII)
    }

    @Test func byteSubstringSearchesMatchStringSearch() {
        let hays = ["", "a", "the Risk was halved", "HALVED", "per cent", "café CI", "x[1]", "aaab", "ci"]
        let needles = ["", "a", "halved", "ci", "[", "aab", "per cent", "é"]
        for h in hays {
            for n in needles {
                #expect(h.hasSubstring(n) == (n.isEmpty || h.contains(n)), "\(h) / \(n)")
                let folded = String(decoding: h.utf8.map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }, as: UTF8.self)
                #expect(h.hasSubstring(ignoringASCIICase: n) == (n.isEmpty || folded.contains(n)), "\(h) / \(n)")
            }
        }
    }
}
