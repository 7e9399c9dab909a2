/// CLDR plural categories. Foundation on Linux (swift-foundation 6.3) has no public plural-rules API (measured:
/// only stringsdict bundles use them, and this tool ships no bundles), so the rules for the supported languages
/// are transcribed from CLDR 46 `common/supplemental/plurals.xml` (cardinals), integers only: every count the
/// tool writes is a whole number.
public enum PluralCategory: String, Sendable, CaseIterable {
    case zero, one, two, few, many, other

    public static func of(_ n: Int, in language: Language) -> PluralCategory {
        let i = abs(n)
        switch language {
        case .en, .de:
            // one: i = 1 and v = 0
            return i == 1 ? .one : .other
        case .es:
            // one: n = 1; many: e = 0 and i != 0 and i % 1000000 = 0 and v = 0 ("1 millón de personas")
            if i == 1 { return .one }
            return i != 0 && i % 1_000_000 == 0 ? .many : .other
        case .fr:
            // one: i = 0,1; many: e = 0 and i != 0 and i % 1000000 = 0 and v = 0
            if i == 0 || i == 1 { return .one }
            return i % 1_000_000 == 0 ? .many : .other
        case .ar:
            // zero: n = 0; one: n = 1; two: n = 2; few: n % 100 = 3..10; many: n % 100 = 11..99
            switch i {
            case 0: return .zero
            case 1: return .one
            case 2: return .two
            default:
                let r = i % 100
                if (3...10).contains(r) { return .few }
                if (11...99).contains(r) { return .many }
                return .other
            }
        case .zhHans:
            return .other
        }
    }

    /// The categories a language's integers can fall in: what its catalogue must give for each plural key.
    public static func categories(of language: Language) -> [PluralCategory] {
        switch language {
        case .en, .de: [.one, .other]
        case .es, .fr: [.one, .many, .other]
        case .ar: [.zero, .one, .two, .few, .many, .other]
        case .zhHans: [.other]
        }
    }
}
