/// The words of a generated sample summary in one language: templates with `{0}`… placeholders (filled by
/// `Messages.fill`), and the word lists whose entries line up with `SampleVocabulary`'s (cancers, drug
/// classes, filler sentences). Numbers and random choices come from the seed alone, so a sample has the same
/// trial, arms and results in every language.
struct SampleText: Sendable {
    var cancerTypes: [String]
    var conditions: [String]
    var drugClasses: [String]
    var filler: [String]
    /// Whether arm labels are lower-cased inside a sentence (not in German, Arabic or Chinese).
    var lowercasesLabels: Bool
    var standardArm, investigationalArm, standardShort, investigationalShort, armDescription, dosing: String
    var pfsName, pfsLabel, pfsExplanation, pfsTermText, months, pfsFinding, hazardRatioText: String
    var responseName, responseLabel, osName, osLabel, osMaturity, aeName, aeLabel, aeFinding: String
    var articleTitle, shortTitle, longTitle, criterion: String
    var whoForHeading, whoForText, backgroundHeading, designHeading, designText: String
    var storyHeading, story, storyAttribution, resultsHeading, questionsHeading, question, answer: String
    var bottomLineHeading, bottomLine, disclaimerHeading, disclaimer, disclaimerLink, sentenceEnd: String
    var pfsTerm, pfsDefinition, hrTerm, hrDefinition, lead, fictionalTag: String
    var regionEU, regionOutsideEU, under65, over65, women: String
    var inclusion: [String]
    var exclusion, followUp: String

    static func of(_ language: Language) -> SampleText {
        switch language {
        case .en: en
        case .es: es
        case .fr: fr
        case .de: de
        case .ar: ar
        case .zhHans: zhHans
        }
    }
}
