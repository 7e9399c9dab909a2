import Testing
import TestSupport
@testable import TrialModel

@Suite struct PatinaModelTests {
    @Test func loadsWithoutProblems() throws {
        let lib = Library.load(paths: [TestSupport.summariesFolder.path])
        #expect(lib.diagnostics.isEmpty, "\(lib.diagnostics)")
        // PATINA and its Spanish translation (issue 19), which the library checks against it.
        #expect(lib.summaries.map(\.id) == ["patina", "patina-es"])
    }

    /// Every number the seed page states is in the model, at the field that holds it.
    @Test func holdsEveryNumberOfTheSeed() throws {
        let s = try TestSupport.patina().summary
        #expect(s.trial.enrollment == 518)
        #expect(s.trial.registryIDs.map(\.value) == ["NCT02947685"])
        #expect(s.trial.design.allocationRatio == "1:1")
        #expect(s.trial.publication?.year == 2026)
        let pfs = try #require(s.outcome("pfs"))
        #expect(pfs.values.map(\.value.text) == ["44.3", "29.1"])
        #expect(pfs.effect?.value.text == "0.75")
        #expect(s.outcome("grade3-ae")?.values.map(\.value.text) == ["79.7", "30.6"])
        #expect(s.outcome("grade4-ae")?.values.map(\.value.text) == ["10.0", "3.6"])
        let os = try #require(s.outcome("os"))
        #expect(os.values.isEmpty && os.maturity?.plainText.contains("not yet mature") == true)
        let text = s.allText.joined(separator: " ")
        for n in ["4–8", "15 months", "21 days on / 7 days off", "1 to 5", "eight months", "six months"] {
            #expect(text.contains(n), "missing \(n)")
        }
    }

    @Test func holdsEverySectionOfTheSeed() throws {
        let s = try TestSupport.patina().summary
        #expect(s.sections.map(\.kind) == [.whoFor, .explainer, .trialType, .background, .design, .patientStory, .results,
                                            .questionAndAnswer, .bottomLine, .whatItMeans, .expertView, .disclaimer])
        let qas = s.sections.flatMap(\.blocks).compactMap { b -> QuestionAnswer? in if case .questionAnswer(let q) = b { q } else { nil } }
        #expect(qas.map(\.question) == ["Is neutropenia from palbociclib dangerous?", "What do “grades” mean when describing side effects?"])
        let eligibility = s.sections[0].blocks.compactMap { b -> [RichText]? in if case .list(let l) = b { l } else { nil } }.first
        #expect(eligibility?.count == 3)
        #expect(s.arms.map(\.id) == ["palbociclib", "standard"])
        // The seed's mojibake is repaired.
        #expect(s.arms[1].description.plainText.contains("trastuzumab ± pertuzumab"))
        #expect(!s.allText.joined().contains("ยฑ") && !s.allText.joined().contains("๐Ÿ"))
    }

    @Test func derivedViews() throws {
        let v = try TestSupport.patina().views
        #expect(v.charts.map(\.outcomeID) == ["pfs", "grade3-ae", "grade4-ae"])
        let pfs = v.charts[0]
        #expect(pfs.bars.map(\.valueText) == ["44.3 months", "29.1 months"])
        #expect(pfs.effectText == "Hazard ratio 0.75")
        #expect(pfs.axisMax == 50)
        #expect(v.charts[1].axisMax == 100)
        #expect(v.readingTime.minutes >= 6 && v.readingTime.minutes <= 10)
        #expect(v.keyFacts.facts.first { $0.label == "People" }?.value == "518 people")
        #expect(v.keyFacts.mainResult?.contains("44.3 months") == true)
        #expect(v.usedGlossary.first?.id == "cdk46-inhibitor")
    }
}
