/// The catalogue of one language: every `MessageKey` and `PluralKey`, plus its number and date forms.
/// Summaries are validated against it (`LanguageCheck`), so a lookup never falls back to English.
public struct Messages: Sendable {
    public let language: Language
    let table: [MessageKey: String]
    let plurals: [PluralKey: [PluralCategory: String]]
    let format: LocaleFormat

    init(_ language: Language, _ table: [MessageKey: String], plurals: [PluralKey: [PluralCategory: String]]) {
        self.language = language
        self.table = table
        self.plurals = plurals
        format = LocaleFormat(language)
    }

    public static func `for`(_ language: Language) -> Messages {
        switch language {
        case .en: en
        case .es: es
        case .fr: fr
        case .de: de
        case .ar: ar
        case .zhHans: zhHans
        }
    }

    /// The catalogue for a summary's tag; a tag no catalogue serves is refused when the summary is loaded, so
    /// the English fallback here is only reached by code that builds a model by hand.
    public static func `for`(tag: String) -> Messages { .for(Language(tag: tag) ?? .en) }

    public static let english = en

    public subscript(_ key: MessageKey) -> String { table[key] ?? "" }

    /// The template with `{0}`, `{1}`… replaced by `args`.
    public func text(_ key: MessageKey, _ args: String...) -> String { Messages.fill(self[key], args) }

    /// The form for `count`'s CLDR plural category, with `{0}` the count as this language writes it.
    public func plural(_ key: PluralKey, _ count: Int) -> String {
        let forms = plurals[key] ?? [:]
        let template = forms[PluralCategory.of(count, in: language)] ?? forms[.other] ?? ""
        return Messages.fill(template, [integer(count)])
    }

    /// Braces are ASCII, so they are looked for among UTF-8 bytes: searching `Character`s made every sentence
    /// of a chart cost tens of thousands of instructions (docs/performance.md, issue 13).
    static func fill(_ template: String, _ args: [String]) -> String {
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        guard template.utf8.contains(open) else { return template }
        var out = ""
        var rest = Substring(template)
        while let o = rest.utf8.firstIndex(of: open) {
            out += rest[..<o]
            let after = rest[rest.utf8.index(after: o)...]
            if let c = after.utf8.firstIndex(of: close), let i = Int(after[..<c]), args.indices.contains(i) {
                out += args[i]
                rest = after[after.utf8.index(after: c)...]
            } else {
                out.append("{")
                rest = after
            }
        }
        return out + rest
    }

    /// Keys and plural forms this catalogue lacks: what validation reports for a summary in this language.
    public var missing: [String] {
        let keys = MessageKey.allCases.filter { (table[$0] ?? "").isEmpty }.map(\.rawValue)
        let forms = PluralKey.allCases.flatMap { key in
            PluralCategory.categories(of: language).filter { plurals[key]?[$0] == nil }.map { "\(key.rawValue).\($0.rawValue)" }
        }
        return keys + forms
    }

    /// `missing` of each built-in catalogue, worked out once and only for the languages met: the catalogues are
    /// constants, and loading asks for every summary (65,000 instructions each time; all six at once, 6 M).
    static func missing(for language: Language) -> [String] {
        switch language {
        case .en: missingEn
        case .es: missingEs
        case .fr: missingFr
        case .de: missingDe
        case .ar: missingAr
        case .zhHans: missingZhHans
        }
    }

    // One declaration each: variables declared together are initialized together.
    private static let missingEn = en.missing
    private static let missingEs = es.missing
    private static let missingFr = fr.missing
    private static let missingDe = de.missing
    private static let missingAr = ar.missing
    private static let missingZhHans = zhHans.missing

    // MARK: Numbers and dates in this language

    /// 1234 → "1,234" (en), "1234" (es: CLDR groups from five digits), "1 234" (fr), "1.234" (de).
    public func integer(_ n: Int) -> String { format.integer(n) }

    /// A published decimal at its published precision: 44.3 → "44,3" in es/fr/de.
    public func decimal(_ d: DecimalNumber) -> String { format.decimal(d.text) }

    /// A computed number (axis ticks), rounded like `NumberText.plain`.
    public func plain(_ x: Double, decimals: Int = 3) -> String { format.decimal(NumberText.plain(x, decimals: decimals)) }

    /// "79.7%" (en), "79,7 %" (es, de with a no-break space), "79,7 %" (fr).
    public func percent(_ numberText: String) -> String { format.percent(numberText) }

    /// "1 June 2026", "1 de junio de 2026", "1 juin 2026", "1. Juni 2026", "1 يونيو، 2026", "2026年6月1日".
    public func date(_ d: Day) -> String { format.date(d) }

    /// Whether a measure's name is lower-cased inside a sentence ("; hazard ratio 0.75"): German nouns keep
    /// their capital, and Arabic and Chinese have no case.
    var lowercasesInSentence: Bool { [.en, .es, .fr].contains(language) }

    /// A title as it reads inside a sentence.
    public func inSentence(_ title: String) -> String { lowercasesInSentence ? title.lowercased() : title }
}

extension Messages {
    /// The words of a collection (EPUB collection, newsletter, JSON-LD list): the language every summary in it
    /// shares; a mixed collection's own few words (title page, contents, introduction) are in English, while
    /// each summary inside keeps its language.
    public static func common(_ tags: [String]) -> Messages {
        let languages = Set(tags.map { Language(tag: $0) ?? .en })
        return languages.count == 1 ? .for(languages.first!) : .english
    }
}
