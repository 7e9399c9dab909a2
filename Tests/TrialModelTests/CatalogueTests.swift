import Foundation
import Testing
import TestSupport
@testable import TrialModel

/// The message catalogues: complete in every language, plural rules as CLDR states them, and the number and
/// date forms Foundation gives on this toolchain (measured; the tool relies on them).
@Suite struct CatalogueTests {
    @Test(arguments: Language.allCases)
    func everyKeyExistsInEveryLanguage(_ language: Language) {
        let m = Messages.for(language)
        #expect(m.missing.isEmpty, "\(language.rawValue) lacks \(m.missing)")
        #expect(Messages.missing(for: language) == m.missing)   // what loading asks, worked out once
        // No catalogue gives a key more placeholders than English does, so every caller fills them all.
        for key in MessageKey.allCases {
            let placeholders = { (s: String) in Set((0..<6).filter { s.contains("{\($0)}") }) }
            #expect(placeholders(m[key]) == placeholders(Messages.english[key]), "\(language.rawValue).\(key.rawValue): \(m[key])")
        }
    }

    @Test func aMissingKeyIsReported() {
        let incomplete = Messages(.es, [.keyFacts: "Datos clave"], plurals: [:])
        #expect(incomplete.missing.contains("glossary"))
        #expect(incomplete.missing.contains("people.many"))
    }

    @Test func pluralCategoriesFollowCLDR() {
        #expect(PluralCategory.of(1, in: .en) == .one && PluralCategory.of(0, in: .en) == .other)
        #expect(PluralCategory.of(0, in: .fr) == .one && PluralCategory.of(2, in: .fr) == .other)
        #expect(PluralCategory.of(1_000_000, in: .es) == .many && PluralCategory.of(1_000_000, in: .de) == .other)
        #expect([0, 1, 2, 3, 11, 100, 102, 111].map { PluralCategory.of($0, in: .ar) } == [.zero, .one, .two, .few, .many, .other, .other, .many])
        #expect(PluralCategory.of(1, in: .zhHans) == .other)
        #expect(Messages.for(.es).plural(.people, 1) == "1 persona")
        #expect(Messages.for(.es).plural(.people, 518) == "518 personas")
        #expect(Messages.for(.ar).plural(.people, 2) == "شخصان")
        #expect(Messages.for(.fr).plural(.people, 0) == "0 personne")
    }

    @Test func numbersAndDatesPerLanguage() throws {
        let day = try #require(Day("2026-06-01"))
        let dates = Language.allCases.map { Messages.for($0).date(day) }
        #expect(dates == ["1 June 2026", "1 de junio de 2026", "1 juin 2026", "1. Juni 2026", "1 يونيو، 2026", "2026年6月1日"])
        let n = try #require(DecimalNumber("44.3"))
        #expect(Language.allCases.map { Messages.for($0).decimal(n) } == ["44.3", "44,3", "44,3", "44,3", "44.3", "44.3"])
        // CLDR: Spanish groups from five digits; French uses a narrow no-break space.
        #expect(Messages.for(.es).integer(1234) == "1234" && Messages.for(.es).integer(12345) == "12.345")
        #expect(Messages.for(.fr).integer(1234) == "1\u{202F}234" && Messages.for(.de).integer(1234) == "1.234")
        #expect(Messages.for(.en).integer(1234) == "1,234")
        #expect(Messages.for(.es).percent("79.7") == "79,7\u{A0}%" && Messages.for(.en).percent("79.7") == "79.7%")
        // Ten decimals stay as published: the text is converted, never rounded through a Double.
        #expect(Messages.for(.de).decimal(try #require(DecimalNumber("-0.0000000001"))) == "-0,0000000001")
    }

    @Test func naturalFrequenciesReadInTheLanguage() throws {
        let f = NaturalFrequency(percent: try #require(DecimalNumber("79.7")))
        #expect(f.peopleText(in: .for(.es)) == "unas 80 de cada 100 personas")
        #expect(f.peopleText(in: .for(.de)) == "etwa 80 von 100 Personen")
        #expect(f.peopleText(in: .for(.zhHans)) == "每100人中约有80人")
        #expect(f.peopleText == "about 80 in 100 people")
    }

    @Test func languageTags() {
        #expect(Language(tag: "es-419") == .es && Language(tag: "zh-CN") == .zhHans && Language(tag: "zh") == .zhHans)
        #expect(Language(tag: "zh-Hant") == nil && Language(tag: "zh-TW") == nil && Language(tag: "pt") == nil)
        #expect(Language.ar.direction == "rtl" && Language.es.direction == "ltr")
    }

    @Test func spanishPatinaUsesTheCatalogue() throws {
        let lib = Library.load(paths: [TestSupport.summariesFolder.path])
        #expect(lib.errors.isEmpty, "\(lib.errors)")
        let es = try #require(lib.summaries.first { $0.id == "patina-es" })
        let facts = es.views.keyFacts.facts.map { "\($0.label): \($0.value)" }
        #expect(facts.contains("Participantes: 518 personas"))
        #expect(facts.contains("Fase: Fase III"))
        let chart = try #require(es.views.chart(for: "pfs"))
        #expect(chart.bars.map(\.valueText) == ["44,3 meses", "29,1 meses"])
        #expect(chart.effectText == "Cociente de riesgos (hazard ratio) 0,75")
        #expect(es.views.chart(for: "grade3-ae")?.bars.first?.frequency?.peopleText(in: es.views.words) == "unas 80 de cada 100 personas")
    }
}
