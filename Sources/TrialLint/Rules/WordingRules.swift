import Foundation
import TrialModel

/// Numeracy and wording rules over one unit of patient-facing text. Each returns (rule, message) pairs;
/// the linter locates them at the unit's field.
enum WordingRules {
    typealias Hit = (rule: LintRule, message: String)

    /// `sentences` are the unit's text split by `Sentences.split`, which the readability count has done already.
    static func check(_ unit: TextUnit, sentences: [String], knownCaps: Set<String>) -> [Hit] {
        let text = unit.plain
        var hits: [Hit] = []
        // NSRegularExpression is slow on Linux; most paragraphs have no digit and skip every numeracy pattern.
        let hasDigit = text.hasASCIIDigitCharacter
        // Each pattern runs only where the literal text it needs is present (`Patterns` says which), unless a
        // character could case-fold into those letters.
        let unsure = text.hasCaseFoldingToASCII
        if hasDigit, text.hasDecimalSeparatorBeforeDigit, let r = Patterns.pValue.firstMatch(in: text) {
            hits.append((.pValue, "'\(excerpt(text, r))' is a p-value written as a number: say in words whether the difference could be due to chance, and leave the number to the key facts."))
        }
        if hasDigit, unsure || Patterns.mayHaveConfidenceInterval(text), let r = Patterns.confidenceInterval.firstMatch(in: text) {
            hits.append((.confidenceInterval, "'\(excerpt(text, r))' is a confidence interval written as numbers: say in words how sure the result is."))
        }
        for sentence in hasDigit || text.hasSubstring(" likely") || text.hasSubstring("halved") || text.hasSubstring("doubled") ? sentences : [] {
            if unsure || Patterns.mayHaveRelativeRisk(sentence), let r = Patterns.relativeRisk.firstMatch(in: sentence) {
                if Patterns.absoluteNumbers.firstMatch(in: text) == nil {
                    hits.append((.relativeRiskWithoutAbsolute, "'\(excerpt(sentence, r))' gives a relative change in risk: add the absolute numbers nearby, e.g. '12 out of 100 people compared with 16 out of 100'."))
                }
                continue
            }
            guard sentence.hasSubstring("%") || sentence.hasSubstring("cent") else { continue }
            for r in Patterns.percentage.matches(in: sentence) where !hasBase(sentence, after: r) {
                hits.append((.percentWithoutBase, "'\(excerpt(sentence, r))' does not say what it is a percentage of: name the group, e.g. '40% of the people in the placebo group'."))
                break
            }
        }
        if let word = allCaps(text, known: knownCaps) {
            hits.append((.allCaps, "'\(word)' is in capitals: write it in lower case for emphasis-free reading, or add it to lint.acronyms if it is an acronym."))
        }
        if let italic = italicSentence(unit.rich.inlines) {
            hits.append((.italicSentence, "'\(italic.prefix(40))…' is a whole sentence in italics, which is harder to read: use plain text, or bold for a few key words."))
        }
        return hits
    }

    private static func excerpt(_ s: String, _ r: NSRange) -> String {
        guard let range = Range(r, in: s) else { return s }
        return String(s[range]).trimmed
    }

    private static func hasBase(_ sentence: String, after r: NSRange) -> Bool {
        guard let range = Range(r, in: sentence) else { return true }
        let rest = String(sentence[range.upperBound...])
        // "95% CI" is the confidence level, which the confidence-interval rule covers.
        let after = rest.trimmed.lowercased()
        if after.hasPrefix("ci") || after.hasPrefix("confidence") { return true }
        if Patterns.percentBase.firstMatch(in: rest) != nil { return true }
        // "In the placebo group, 40% …" or "40% (12 people)": the base comes first or in brackets.
        let before = sentence[..<range.lowerBound].lowercased()
        return ["group", "people", "patients", "participants", "of the", "out of", "women", "men", "those who"].contains { before.hasSubstring($0) }
            || rest.trimmed.hasPrefix("(")
    }

    /// The first all-capital word (two or more letters, no digits) that is not a known acronym.
    static func allCaps(_ text: String, known: Set<String>, asciiFastPath: Bool = true) -> String? {
        // Scalars, not Characters: grapheme breaking made this the slowest rule. A word is cut from the UTF-8
        // bytes only when it is a candidate.
        var text = text
        return text.withUTF8 { bytes in
            if asciiFastPath, ASCIIBytes.all(bytes) { return allCapsASCII(bytes, known: known) }
            let (scalars, offset) = UTF8Scalars.decode(bytes)
            var start = 0
            var allUpper = true
            func check(_ end: Int) -> String? {
                defer { start = end + 1; allUpper = true }
                guard end - start >= 2, allUpper else { return nil }
                let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset[start]..<offset[end]]), as: UTF8.self)
                return known.contains(word) ? nil : word
            }
            for (k, u) in scalars.enumerated() {
                if Words.isLetter(u) {
                    if u.isASCII ? !(u.value >= 65 && u.value <= 90) : !u.properties.isUppercase { allUpper = false }
                } else if u.isASCII && u.value >= 48 && u.value <= 57 {
                    allUpper = false
                } else if let w = check(k) { return w }
            }
            return check(scalars.count)
        }
    }

    /// The runs of letters in `s` (its words without digits and punctuation), as splitting its Characters at
    /// every non-letter does; for ASCII, where a letter Character is one byte A–Z or a–z, cut from the bytes.
    static func letterRuns(_ s: String) -> [String] {
        var text = s
        let ascii: [String]? = text.withUTF8 { b in
            guard ASCIIBytes.all(b) else { return nil }
            var out: [String] = []
            var start = -1
            for i in 0...b.count {
                let isLetter = i < b.count && (b[i] | 0x20) >= 97 && (b[i] | 0x20) <= 122
                if isLetter { if start < 0 { start = i } }
                else if start >= 0 { out.append(String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)); start = -1 }
            }
            return out
        }
        return ascii ?? s.split(whereSeparator: { !$0.isLetter }).map(String.init)
    }

    /// `allCaps` on ASCII text, where each byte is a scalar at its own offset: the same tests on bytes, without
    /// decoding the text into arrays of scalars and offsets.
    private static func allCapsASCII(_ bytes: UnsafeBufferPointer<UInt8>, known: Set<String>) -> String? {
        var start = 0
        var allUpper = true
        func check(_ end: Int) -> String? {
            defer { start = end + 1; allUpper = true }
            guard end - start >= 2, allUpper else { return nil }
            let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            return known.contains(word) ? nil : word
        }
        for k in 0..<bytes.count {
            let b = bytes[k]
            if (b | 0x20) >= 97 && (b | 0x20) <= 122 {
                if !(b >= 65 && b <= 90) { allUpper = false }
            } else if b >= 48 && b <= 57 {
                allUpper = false
            } else if let w = check(k) { return w }
        }
        return check(bytes.count)
    }

    /// Emphasis whose text is a whole sentence: five or more words ending a sentence, or the whole unit.
    private static func italicSentence(_ nodes: [Inline]) -> String? {
        for n in nodes {
            switch n {
            case .emphasis(let c):
                let t = c.map(\.plainText).joined().trimmed
                if Words.split(t).count >= 5, let last = t.last, ".!?".contains(last) { return t }
                if let inner = italicSentence(c) { return inner }
            case .strong(let c), .link(_, let c), .term(_, let c):
                if let inner = italicSentence(c) { return inner }
            case .text: break
            }
        }
        return nil
    }

    /// Acronyms common in cancer trial summaries; the trial's name, glossary terms written in capitals and
    /// `lint.acronyms` are added per summary.
    static let knownAcronyms: Set<String> = [
        "AE", "AIDS", "ALK", "ASCO", "BMI", "BRCA", "CAR", "CI", "CNS", "COVID", "CT", "CTCAE", "CTIS", "DNA", "ECG",
        "EGFR", "EMA", "ER", "ESMO", "EU", "FDA", "GP", "HER", "HIV", "HPV", "HR", "ICU", "ID", "II", "III", "IV", "KRAS",
        "MHRA", "MRI", "NCT", "NHS", "NICE", "NIH", "OK", "PD", "PET", "PR", "PSA", "QR", "RNA", "UK", "US", "USA",
        "WHO", "ISRCTN", "PDF", "EPUB", "URL", "DOI", "TV", "AI", "ATP", "PIK", "BRAF", "MSI", "TNM", "VS",
    ]
}
