/// Writes synthetic but realistic summaries for benchmarks and tests: 2–4 arms, several outcomes
/// (some immature), long titles and lists, every category, non-ASCII names. Each is marked fictional
/// in its title and disclaimer.
public struct SampleGenerator: Sendable {
    public let seed: UInt64

    public init(seed: UInt64) { self.seed = seed }

    public func summaries(count: Int) -> [Summary] { (0..<count).map(summary) }

    /// The `index`-th summary; each index has its own random stream, so a summary does not depend on the count.
    public func summary(_ index: Int) -> Summary {
        var r = SeededRandom(seed: seed &* 1_000_003 &+ UInt64(index))
        let V = SampleVocabulary.self
        let cancer = r.pick(V.cancers)
        let acronym = r.pick(V.acronyms) + "-\(index + 1)"
        let category = Category.allCases[index % Category.allCases.count]
        let armCount = r.int(2...4)
        var drugs = V.drugs
        drugs.shuffle(using: &r)
        let standard = drugs[armCount]
        var arms: [Arm] = []
        for i in 0..<armCount {
            let isControl = i == armCount - 1
            let drug = drugs[i]
            let label = isControl ? "Standard treatment with \(standard.name)" : "\(drug.name.capitalized) + \(standard.name)"
            let short = isControl ? "Standard treatment" : "\(drug.name.capitalized) group"
            var interventions = [Intervention(name: standard.name, role: .standard, drugClass: standard.cls)]
            if !isControl { interventions.insert(Intervention(name: drug.name, role: .investigational, drugClass: drug.cls, dosing: "once a day by mouth"), at: 0) }
            arms.append(Arm(id: isControl ? "standard" : "arm-\(i + 1)", label: label, shortLabel: short,
                            description: RichText("People in this group received \(label.lowercased()). Treatment continued until the cancer grew or side effects became too much."),
                            interventions: interventions, participants: nil, isControl: isControl))
        }
        let enrollment = r.int(60...2400)
        var outcomes: [Outcome] = []
        let pfsValues = arms.map { a in ArmValue(arm: a.id, value: r.decimal(a.isControl ? 3...18 : 6...48, decimals: 1)) }
        let hr = r.decimal(0.45...0.95, decimals: 2)
        outcomes.append(Outcome(
            id: "pfs", name: "Progression-free survival", label: "Median time before the cancer grew",
            explanation: RichText([.text("How long people lived without their cancer growing ("), .term(id: "pfs", children: [.text("progression-free survival")]), .text(").")]),
            role: .primary, kind: .medianTime, unit: "months", direction: .higherIsBetter, values: pfsValues,
            effect: Effect(measure: .hazardRatio, value: hr, ciLower: DecimalNumber(max(0.1, hr.value - 0.15), decimals: 2),
                           ciUpper: DecimalNumber(hr.value + 0.12, decimals: 2), pValue: r.pick(["<0.001", "0.002", "0.03", "0.21"])),
            finding: RichText([.text("Median time without the cancer growing was \(pfsValues.map { $0.value.text + " months" }.joined(separator: " vs ")) ("), .term(id: "hazard-ratio", children: [.text("hazard ratio")]), .text(" \(hr.text)).")])))
        if r.chance(0.5) {
            outcomes.append(Outcome(id: "response", name: "Objective response rate", label: "Cancer shrank",
                                    role: .secondary, kind: .percentage, unit: "%", direction: .higherIsBetter,
                                    values: arms.map { ArmValue(arm: $0.id, value: r.decimal(5...85, decimals: 1)) }))
        }
        if r.chance(0.6) {
            outcomes.append(Outcome(id: "os", name: "Overall survival", label: "Overall survival", role: .secondary,
                                    kind: .medianTime, unit: "months", direction: .higherIsBetter, values: [],
                                    maturity: "Overall survival data were not yet mature at the time of this analysis."))
        }
        outcomes.append(Outcome(id: "grade3-ae", name: "Grade 3 or higher adverse events", label: "Serious side effects (grade 3 or higher)",
                                role: .safety, kind: .percentage, unit: "%", direction: .lowerIsBetter,
                                values: arms.map { ArmValue(arm: $0.id, value: r.decimal(8...90, decimals: 1)) },
                                finding: "Serious side effects were more common with the added medicine."))
        let person = r.pick(V.people)
        let journal = r.pick(V.journals)
        let year = r.int(2018...2026)
        let countries = (0..<r.int(1...6)).map { _ in r.pick(V.countries) }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let longTitle = r.chance(0.3)
        let title = "[Fictional] \(acronym): " + (longTitle
            ? "adding \(drugs[0].name) to \(standard.name) for people with \(cancer.condition) whose cancer had grown after at least two earlier lines of treatment, including those with brain metastases"
            : "adding \(drugs[0].name) to standard treatment for \(cancer.condition)")
        let eligibility = (0..<r.int(3...(longTitle ? 12 : 5))).map { i in
            RichText([.strong([.text("Criterion \(i + 1):")]), .text(" " + r.pick(V.filler))])
        }
        let sections = [
            Section(id: "who-is-this-trial-for", kind: .whoFor, heading: "Who is this trial for?", blocks: [
                .paragraph(RichText("This fictional trial was for adults with \(cancer.condition).")), .list(eligibility)]),
            Section(id: "background", kind: .background, heading: "Background", blocks: (0..<r.int(1...4)).map { _ in .paragraph(RichText(r.pick(V.filler) + " " + r.pick(V.filler))) }),
            Section(id: "the-trial", kind: .design, heading: "The trial: what was tested and how", blocks: [
                .paragraph(RichText("\(acronym) enrolled \(enrollment) people who were randomly assigned to one of \(armCount) groups:")),
                .list(arms.map { RichText([.strong([.text($0.label + ":")]), .text(" " + $0.description.plainText)]) })]),
            Section(id: "a-patients-story", kind: .patientStory, heading: "A patient’s story", blocks: [
                .quote(Quote(paragraphs: [RichText("\(person) joined a trial like this one after her second scan. “I wanted more good days,” she said — a fictional story written for this sample.")], attribution: "\(person), fictional patient"))]),
            Section(id: "results", kind: .results, heading: "Results: what they found", blocks: [.paragraph(RichText(r.pick(V.filler)))] + outcomes.map { .outcome($0.id) }),
            Section(id: "questions", kind: .questionAndAnswer, heading: "Your questions answered", blocks: [
                .questionAnswer(QuestionAnswer(question: "Can I join this trial?", answer: ["No. This trial is fictional and exists only to test trialexport."])),
                .registryLink]),
            Section(id: "the-bottom-line", kind: .bottomLine, heading: "The bottom line", blocks: [
                .paragraph(RichText("In this fictional trial, adding \(drugs[0].name) lengthened the time before the cancer grew (hazard ratio \(hr.text)), with more side effects."))]),
            Section(id: "disclaimer", kind: .disclaimer, heading: "For information purposes only", blocks: [
                .paragraph(RichText([.text("This is a fictional summary generated for testing; the trial, people and results are invented. It is not medical advice. Learn how summaries are written at "),
                                     .link(url: "https://cleartrials.example.org/about", children: [.text("our about page")]), .text(".")]))]),
        ]
        let glossary = [
            GlossaryEntry(id: "pfs", term: "Progression-free survival", definition: "How long people live without their cancer growing or spreading."),
            GlossaryEntry(id: "hazard-ratio", term: "Hazard ratio", definition: "A comparison of risk over time between two groups; below 1 favours the first group."),
        ]
        let nct = "NCT" + String(10_000_000 + (r.int(0...89_999_999)))
        var trial = Trial(name: acronym, registryIDs: [RegistryID(nct)!], condition: cancer.condition.prefix(1).uppercased() + cancer.condition.dropFirst(),
                          phase: r.pick([.phase2, .phase3, .phase3, .phase2And3]),
                          design: TrialDesign(randomized: true, allocationRatio: armCount == 2 ? "1:1" : Array(repeating: "1", count: armCount).joined(separator: ":"),
                                              masking: r.pick(Masking.allCases), placeboControlled: false,
                                              multicenter: true, international: countries.count > 1),
                          countries: countries, enrollment: enrollment, sponsor: r.pick(V.sponsors),
                          publication: Publication(journal: journal.0, journalShort: journal.1, year: year,
                                                   title: "Fictional results of the \(acronym) trial",
                                                   doi: "10.5555/fictional.\(seed).\(index + 1)"),
                          status: r.pick([.completed, .activeNotRecruiting]))
        addLaySummaryFields(&trial, index: index, countries: countries, enrollment: enrollment)
        return Summary(id: "sample-\(index + 1)", title: title,
                       lead: RichText("In this fictional trial, adding \(drugs[0].name) to standard treatment changed how long people lived without their cancer growing."),
                       cancerType: cancer.type, category: category, tags: ["fictional", cancer.type.lowercased(), drugs[0].name],
                       language: "en", reviewed: Day(year: year, month: r.int(1...12), day: r.int(1...28))!, version: 1,
                       trial: trial, arms: arms, outcomes: outcomes, sections: sections, glossary: glossary)
    }

    /// EU CTR Annex V fields on two samples in three, from the index alone: the random stream (and so every
    /// other field of every sample) stays as it was before these fields existed.
    private func addLaySummaryFields(_ t: inout Trial, index: Int, countries: [String], enrollment: Int) {
        guard index % 3 != 2 else { return }
        t.protocolNumber = "FIC-\(1000 + index)"
        t.sponsorContact = "https://sponsor.example.org/trials/sample-\(index + 1)"
        let older = enrollment * (30 + index % 20) / 100
        t.population = Population(
            regions: countries.count > 1 ? [.init(label: "EU", people: enrollment / 2), .init(label: "Outside the EU", people: enrollment - enrollment / 2)] : [],
            ageGroups: [.init(label: "Under 65", people: enrollment - older), .init(label: "65 and over", people: older)],
            sexes: index % 2 == 0 ? [.init(label: "Women", people: enrollment)] : [])
        t.eligibility = Eligibility(inclusion: ["Adults aged 18 or over", "Cancer confirmed by a biopsy"],
                                    exclusion: index % 2 == 0 ? ["Another cancer in the last five years"] : [])
        if index % 3 == 0 { t.followUpTrials = "No follow-up trial is planned (fictional)." }
    }
}
