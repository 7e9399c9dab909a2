import Testing
@testable import TrialModel

@Suite struct NaturalFrequencyTests {
    /// The rounding cases issue 13 names: the denominator makes the count whole and ≥ 1, "about" only when
    /// rounded, and a value short of 100 % never reads as everyone.
    @Test(arguments: [
        ("0.04", "4 in 10,000"),
        ("0.4", "4 in 1,000"),
        ("3.6", "about 4 in 100"),
        ("50", "50 in 100"),
        ("79.7", "about 80 in 100"),
        ("99.6", "996 in 1,000"),
        ("100", "100 in 100"),
        ("10.0", "10 in 100"),
        ("0.45", "about 5 in 1,000"),
        ("0", "0 in 100"),
    ])
    func readsAsAWholeCount(_ percent: String, _ expected: String) throws {
        let p = try #require(DecimalNumber(percent))
        #expect(NaturalFrequency(percent: p).text == expected)
    }

    @Test func anOutcomeUsesOneDenominatorForAllArms() throws {
        let s = try #require(TestSummaries.minimal(values: ["3.6", "0.4"]))
        let chart = try #require(SummaryViews(s).chart(for: "ae"))
        #expect(chart.bars.compactMap(\.frequency?.text) == ["36 in 1,000", "4 in 1,000"])
        #expect(chart.frequencySentence == "In other words: New drug: 36 in 1,000 people; Placebo: 4 in 1,000 people.")
    }

    @Test func iconArraysFillTheRoundedCount() throws {
        for (p, filled, ofTen) in [("79.7", 80, 8), ("3.6", 4, 0), ("0.4", 0, 0), ("99.6", 100, 10), ("100", 100, 10), ("45", 45, 5)] {
            let d = try #require(DecimalNumber(p))
            #expect(IconArray.filled(percent: d) == filled, "\(p)")
            #expect(IconArray.filledOfTen(percent: d) == ofTen, "\(p)")
        }
    }
}

/// Small summaries built in code, for derived-view tests.
enum TestSummaries {
    static func minimal(values: [String], placeAE: Bool = true) -> Summary? {
        guard let a = DecimalNumber(values[0]), let b = DecimalNumber(values[1]), let day = Day("2025-05-01") else { return nil }
        let arms = [Arm(id: "drug", label: "New drug", shortLabel: "New drug", description: "The new drug.",
                        interventions: [Intervention(name: "newdrug", role: .investigational)], participants: nil, isControl: false),
                    Arm(id: "control", label: "Placebo", shortLabel: "Placebo", description: "A dummy pill.",
                        interventions: [Intervention(name: "placebo", role: .placebo)], participants: nil, isControl: true)]
        let pfs = Outcome(id: "pfs", name: "Progression-free survival", label: "Time before the cancer grew", role: .primary,
                          kind: .medianTime, unit: "months", direction: .higherIsBetter,
                          values: [ArmValue(arm: "drug", value: DecimalNumber("10.5")!), ArmValue(arm: "control", value: DecimalNumber("7.0")!)])
        let ae = Outcome(id: "ae", name: "Side effects", label: "Serious side effects", role: .safety, kind: .percentage, unit: "%",
                         direction: .lowerIsBetter, values: [ArmValue(arm: "drug", value: a), ArmValue(arm: "control", value: b)])
        var results: [Block] = [.paragraph("It worked."), .outcome("pfs")]
        if placeAE { results.append(.outcome("ae")) }
        let sections = [Section(id: "results", kind: .results, heading: "Results", blocks: results),
                        Section(id: "bottom-line", kind: .bottomLine, heading: "The bottom line", blocks: [.paragraph("Good.")]),
                        Section(id: "disclaimer", kind: .disclaimer, heading: "Disclaimer", blocks: [.paragraph("Not advice.")])]
        let trial = Trial(name: "MINI", registryIDs: [RegistryID("NCT01234567")!], condition: "Lung cancer", phase: .phase3,
                          design: TrialDesign(randomized: true, masking: .doubleBlind, multicenter: true, international: false),
                          enrollment: 100, status: .completed)
        return Summary(id: "minimal", title: "MINI", lead: "A lead.", cancerType: "Lung", category: .treatingTheCancer, tags: [],
                       language: "en", reviewed: day, version: 1, trial: trial, arms: arms, outcomes: [pfs, ae],
                       sections: sections, glossary: [])
    }
}
