/// The direction a language is written in and the script it is written in, from its BCP 47 tag
/// (`ar`, `he-IL`, `zh-Hans`, `az-Arab`): what a PDF needs to lay a summary out and pick its fonts,
/// and what EPUB and HTML put in `dir`.
public enum WritingDirection: String, Sendable, Hashable {
    case leftToRight = "ltr"
    case rightToLeft = "rtl"

    public init(languageTag tag: String) {
        let parts = tag.split(separator: "-").map { $0.lowercased() }
        let rtl: Bool
        if let script = WritingScript.scriptSubtag(parts) {
            rtl = WritingDirection.rightToLeftScripts.contains(script)
        } else {
            rtl = parts.first.map { WritingDirection.rightToLeftLanguages.contains($0) } ?? false
        }
        self = rtl ? .rightToLeft : .leftToRight
    }

    /// ISO 15924 codes of scripts written right to left (Unicode's bidi class R or AL).
    private static let rightToLeftScripts: Set<String> = ["arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg", "samr", "mand"]
    /// Languages whose usual script is one of those (CLDR likely subtags).
    private static let rightToLeftLanguages: Set<String> = ["ar", "fa", "ur", "ps", "sd", "ug", "ckb", "he", "iw", "yi", "dv", "syr"]

    public var isRightToLeft: Bool { self == .rightToLeft }
}

/// The script a language tag implies: an explicit script subtag (ISO 15924) wins, otherwise the
/// language's usual script (CLDR's likely subtags for the languages below); anything else is Latin,
/// Cyrillic or Greek, which the handout's main fonts cover; `other` is a script this list does not know.
public enum WritingScript: String, Sendable, Hashable, CaseIterable {
    case latin, arabic, hebrew, han, devanagari, other

    public init(languageTag tag: String) {
        let parts = tag.split(separator: "-").map { $0.lowercased() }
        if let script = WritingScript.scriptSubtag(parts) {
            self = WritingScript.byScriptSubtag[script] ?? .other
        } else {
            self = parts.first.flatMap { WritingScript.byLanguage[$0] } ?? .latin
        }
    }

    /// The four-letter script subtag, which follows the language (and an extended language) subtag.
    static func scriptSubtag(_ parts: [String]) -> String? {
        parts.dropFirst().first { $0.count == 4 && $0.allSatisfy(\.isLetter) }
    }

    /// ISO 15924 codes, lower-cased. Thaana, Syriac and N'Ko are right-to-left too but have no font here.
    private static let byScriptSubtag: [String: WritingScript] = [
        "latn": .latin, "cyrl": .latin, "grek": .latin,
        "arab": .arabic, "hebr": .hebrew, "deva": .devanagari,
        "hans": .han, "hant": .han, "hani": .han, "jpan": .han,
    ]

    private static let byLanguage: [String: WritingScript] = [
        "ar": .arabic, "fa": .arabic, "ur": .arabic, "ps": .arabic, "sd": .arabic, "ug": .arabic, "ckb": .arabic,
        "he": .hebrew, "iw": .hebrew, "yi": .hebrew,
        "hi": .devanagari, "mr": .devanagari, "ne": .devanagari, "sa": .devanagari, "mai": .devanagari,
        "zh": .han, "ja": .han, "yue": .han,
    ]
}
