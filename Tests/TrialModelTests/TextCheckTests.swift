import Testing
@testable import TrialModel

@Suite struct TextCheckTests {
    @Test func repairsCommonMojibake() {
        #expect(Mojibake.repair("trastuzumab ยฑ pertuzumab") == "trastuzumab ± pertuzumab")
        #expect(Mojibake.repair("Breast ๐Ÿ’Š Treating") == "Breast 💊 Treating")
        #expect(Mojibake.repair("cafÃ©") == "café")
        #expect(Mojibake.repair("didnâ€™t") == "didn’t")
    }

    @Test func leavesGoodTextAlone() {
        for s in ["café", "— “engine” —", "±5 ≥ 3", "Nguyễn Thị Lan", "Åsa Søren", "44.3 months", "naïve", "über"] {
            #expect(Mojibake.repair(s) == nil, "\(s)")
        }
    }

    @Test func findsControlCharacters() {
        #expect(SourceText.forbiddenCharacter(in: "a\u{7}b", allowNewlines: true) == "\u{7}")
        #expect(SourceText.forbiddenCharacter(in: "a\u{2028}b", allowNewlines: true) == "\u{2028}")
        #expect(SourceText.forbiddenCharacter(in: "a\nb", allowNewlines: false) == "\n")
        #expect(SourceText.forbiddenCharacter(in: "a\tb\nc", allowNewlines: true) == nil)
    }

    @Test func registryIDs() {
        #expect(RegistryID("NCT02947685")?.registry == .clinicalTrialsGov)
        #expect(RegistryID("ISRCTN12345678")?.registry == .isrctn)
        #expect(RegistryID("2015-001234-56")?.registry == .euctr)
        for bad in ["NCT123", "nct02947685", "NCT0294768X", "", "12345"] { #expect(RegistryID(bad) == nil, "\(bad)") }
    }

    @Test func decimalsKeepPublishedPrecision() {
        #expect(DecimalNumber("10.0")?.text == "10.0")
        #expect(DecimalNumber(3.6, decimals: 1).text == "3.6")
        #expect(DecimalNumber(0.05, decimals: 2).text == "0.05")
        #expect(DecimalNumber("1e3") == nil)
        #expect(DecimalNumber("4.") == nil)
    }

    /// Language tags of ASCII text are decided on bytes as the Character checks decide them.
    @Test func languageTagsReadAsTheGeneralPath() {
        let cases = ["en", "en-GB", "pt-BR", "zh-Hans", "de-AT", "e", "engl", "EN", "en-", "-en", "en--GB", "en-G", "en-123456789",
                     "en-gb-x1", "en_GB", "é", "en-GB\r\n", "a\r\nb", "", "---", "es-419", "en-GB-oxendict", "fr-ß"]
        for s in cases {
            #expect(ReadContext.isLanguageTag(s) == ReadContext.isLanguageTag(s, asciiFastPath: false), "\(s.debugDescription)")
        }
    }

    /// The byte-level reading of plain numbers decides as trimming and checking Characters does.
    @Test func plainDecimalsReadAsTheGeneralPath() {
        let cases = ["10.0", "0", "-0.0", "+3", "+3.25", "0012.50", "1.", ".5", "1.2.3", "+", "-", "", " 1.5", "1.5 ",
                     "\t7", "7\t", "1e3", "1 000", "12a", "--5", "+-5", "5-", "١٢", "1.5\n", "\n1", "4.0e", "99999999999"]
        for s in cases {
            #expect(DecimalNumber(s) == DecimalNumber(trimming: s), "\(s.debugDescription)")
        }
    }

    @Test func days() {
        #expect(Day("2026-06-01")?.weekday == 1)   // a Monday
        #expect(Day("2024-02-29") != nil && Day("2023-02-29") == nil)
        #expect(Day("1970-01-01")?.daysSinceEpoch == 0)
    }
}
