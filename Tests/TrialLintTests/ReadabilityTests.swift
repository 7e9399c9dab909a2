import Foundation
import Testing
import TestSupport
@testable import TrialLint
import TrialModel

@Suite struct ReadabilityTests {
    @Test func syllablesFollowTheHyphenationPatterns() {
        // Values textstat 0.7.3 (pyphen, hyph_en_US) gives for these words.
        let expected = ["cancer": 2, "treatment": 2, "survival": 2, "hyperlegible": 5, "a": 1, "progression": 3,
                        "the": 1, "palbociclib": 4, "information": 4]
        for (w, n) in expected { #expect(Syllables.count(w, language: "en") == n, "\(w)") }
    }

    @Test func sentencesDoNotSplitInsideNumbers() {
        #expect(Sentences.split("The ratio was 0.75 in all. Then it rose!").count == 2)
        #expect(Words.split("well-known people’s 25 % data").count == 4)
    }

    @Test func otherLanguagesUseTheirFormulaOrSaySo() {
        let es = Readability(stats: TextStats.of("El tratamiento ayudó a muchas personas con cáncer de mama.", language: "es"), language: "es")
        #expect(es.fernandezHuerta != nil && es.fleschKincaidGrade == nil)
        let fr = Readability(stats: TextStats.of("Le traitement a aidé beaucoup de personnes.", language: "fr"), language: "fr")
        #expect(fr.kandelMoles != nil)
        let de = Readability(stats: TextStats.of("Die Behandlung half vielen Menschen mit Brustkrebs.", language: "de-AT"), language: "de-AT")
        #expect(de.amstad != nil)
        let it = Readability(stats: TextStats.of("Il trattamento ha aiutato molte persone.", language: "it"), language: "it")
        #expect(it.note?.contains("words per sentence and long words only") == true && it.grade == nil)
    }

    @Test func patinaReportHasAGradePerSectionAndAnAnnexVTable() throws {
        let r = Linter().lint(try TestSupport.patina())
        #expect(r.sections.count >= 5)
        #expect(r.sections.allSatisfy { $0.readability.stats.words == 0 || $0.readability.grade != nil })
        #expect(r.annexV.map(\.number) == Array(1...10))
        print(LintOutput.text([r], settings: .defaults))
    }

    @Test func lintSettingsAreReadAndBadValuesLocated() {
        let (s, d) = SettingsReader.read(yaml: "lint:\n  maxGrade: 9\n  failOn: warning\n  acronyms: [ABC]\n", file: "t.yaml")
        #expect(s?.lint.maxGrade == 9 && s?.lint.failOn == .warning && s?.lint.acronyms == ["ABC"] && d.isEmpty)
        let (bad, bd) = SettingsReader.read(yaml: "lint:\n  maxGrade: 40\n  failOn: sometimes\n", file: "t.yaml")
        #expect(bad == nil)
        #expect(bd.map(\.line) == [2, 3] && bd.allSatisfy { $0.field.hasPrefix("lint.") })
    }
}
