/// Writes synthetic but realistic summaries for benchmarks and tests: 2–4 arms, several outcomes
/// (some immature), long titles and lists, every category, non-ASCII names. Each is marked fictional
/// in its title and disclaimer.
public struct SampleGenerator: Sendable {
    public let seed: UInt64
    /// The language the samples are written in; the trial, its numbers and every random choice depend on the
    /// seed and index alone, so the same index gives the same trial in every language.
    public let language: Language

    public init(seed: UInt64, language: Language = .en) {
        self.seed = seed
        self.language = language
    }

    public func summaries(count: Int) -> [Summary] { (0..<count).map(summary) }

    /// `sample-3` in English, `sample-es-3`, `sample-zh-hans-3` in other languages, so samples in several
    /// languages can share a folder.
    public func id(_ index: Int) -> String {
        language == .en ? "sample-\(index + 1)" : "sample-\(language.rawValue.lowercased())-\(index + 1)"
    }

    /// The `index`-th summary; each index has its own random stream, so a summary does not depend on the count.
    public func summary(_ index: Int) -> Summary {
        var r = SeededRandom(seed: seed &* 1_000_003 &+ UInt64(index))
        let V = SampleVocabulary.self
        let T = SampleText.of(language)
        let w = Messages.for(language)
        func fill(_ template: String, _ args: String...) -> String { Messages.fill(template, args) }
        /// A template with a glossary term at placeholder `{k}`: text before, the term, text after.
        func withTerm(_ template: String, term: Int, id: String, text: String, _ args: [String]) -> RichText {
            let parts = template.components(separatedBy: "{\(term)}")
            return RichText([.text(Messages.fill(parts[0], args)), .term(id: id, children: [.text(text)]),
                             .text(Messages.fill(parts.dropFirst().joined(separator: ""), args))])
        }
        let cancerIndex = r.pick(Array(V.cancers.indices))
        let condition = T.conditions[cancerIndex], cancerType = T.cancerTypes[cancerIndex]
        let acronym = r.pick(V.acronyms) + "-\(index + 1)"
        let category = Category.allCases[index % Category.allCases.count]
        let armCount = r.int(2...4)
        var drugs = V.drugs
        drugs.shuffle(using: &r)
        let drugClass = { (name: String) in T.drugClasses[V.drugs.firstIndex { $0.name == name }!] }
        let standard = drugs[armCount]
        var arms: [Arm] = []
        for i in 0..<armCount {
            let isControl = i == armCount - 1
            let drug = drugs[i]
            let label = isControl ? fill(T.standardArm, standard.name) : fill(T.investigationalArm, drug.name.capitalized, standard.name)
            let short = isControl ? T.standardShort : fill(T.investigationalShort, drug.name.capitalized)
            var interventions = [Intervention(name: standard.name, role: .standard, drugClass: drugClass(standard.name))]
            if !isControl { interventions.insert(Intervention(name: drug.name, role: .investigational, drugClass: drugClass(drug.name), dosing: T.dosing), at: 0) }
            arms.append(Arm(id: isControl ? "standard" : "arm-\(i + 1)", label: label, shortLabel: short,
                            description: RichText(fill(T.armDescription, T.lowercasesLabels ? label.lowercased() : label)),
                            interventions: interventions, participants: nil, isControl: isControl))
        }
        let enrollment = r.int(60...2400)
        var outcomes: [Outcome] = []
        let pfsValues = arms.map { a in ArmValue(arm: a.id, value: r.decimal(a.isControl ? 3...18 : 6...48, decimals: 1)) }
        let hr = r.decimal(0.45...0.95, decimals: 2)
        outcomes.append(Outcome(
            id: "pfs", name: T.pfsName, label: T.pfsLabel,
            explanation: withTerm(T.pfsExplanation, term: 0, id: "pfs", text: T.pfsTermText, []),
            role: .primary, kind: .medianTime, unit: T.months, direction: .higherIsBetter, values: pfsValues,
            effect: Effect(measure: .hazardRatio, value: hr, ciLower: DecimalNumber(max(0.1, hr.value - 0.15), decimals: 2),
                           ciUpper: DecimalNumber(hr.value + 0.12, decimals: 2), pValue: r.pick(["<0.001", "0.002", "0.03", "0.21"])),
            finding: withTerm(T.pfsFinding, term: 1, id: "hazard-ratio", text: T.hazardRatioText,
                              [pfsValues.map { w.decimal($0.value) + " " + T.months }.joined(separator: w[.versus]), "", w.decimal(hr)])))
        if r.chance(0.5) {
            outcomes.append(Outcome(id: "response", name: T.responseName, label: T.responseLabel,
                                    role: .secondary, kind: .percentage, unit: "%", direction: .higherIsBetter,
                                    values: arms.map { ArmValue(arm: $0.id, value: r.decimal(5...85, decimals: 1)) }))
        }
        if r.chance(0.6) {
            outcomes.append(Outcome(id: "os", name: T.osName, label: T.osLabel, role: .secondary,
                                    kind: .medianTime, unit: T.months, direction: .higherIsBetter, values: [],
                                    maturity: RichText(T.osMaturity)))
        }
        outcomes.append(Outcome(id: "grade3-ae", name: T.aeName, label: T.aeLabel,
                                role: .safety, kind: .percentage, unit: "%", direction: .lowerIsBetter,
                                values: arms.map { ArmValue(arm: $0.id, value: r.decimal(8...90, decimals: 1)) },
                                finding: RichText(T.aeFinding)))
        let person = r.pick(V.people)
        let journal = r.pick(V.journals)
        let year = r.int(2018...2026)
        let countries = (0..<r.int(1...6)).map { _ in r.pick(V.countries) }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let longTitle = r.chance(0.3)
        let title = longTitle ? fill(T.longTitle, acronym, drugs[0].name, standard.name, condition)
                              : fill(T.shortTitle, acronym, drugs[0].name, condition)
        let eligibility = (0..<r.int(3...(longTitle ? 12 : 5))).map { i in
            RichText([.strong([.text(fill(T.criterion, String(i + 1)))]), .text(" " + T.filler[r.pick(Array(V.filler.indices))])])
        }
        let sections = [
            Section(id: "who-is-this-trial-for", kind: .whoFor, heading: T.whoForHeading, blocks: [
                .paragraph(RichText(fill(T.whoForText, condition))), .list(eligibility)]),
            Section(id: "background", kind: .background, heading: T.backgroundHeading, blocks: (0..<r.int(1...4)).map { _ in
                .paragraph(RichText(T.filler[r.pick(Array(V.filler.indices))] + " " + T.filler[r.pick(Array(V.filler.indices))])) }),
            Section(id: "the-trial", kind: .design, heading: T.designHeading, blocks: [
                .paragraph(RichText(fill(T.designText, acronym, String(enrollment), String(armCount)))),
                .list(arms.map { RichText([.strong([.text($0.label + ":")]), .text(" " + $0.description.plainText)]) })]),
            Section(id: "a-patients-story", kind: .patientStory, heading: T.storyHeading, blocks: [
                .quote(Quote(paragraphs: [RichText(fill(T.story, person))], attribution: fill(T.storyAttribution, person)))]),
            Section(id: "results", kind: .results, heading: T.resultsHeading,
                    blocks: [.paragraph(RichText(T.filler[r.pick(Array(V.filler.indices))]))] + outcomes.map { .outcome($0.id) }),
            Section(id: "questions", kind: .questionAndAnswer, heading: T.questionsHeading, blocks: [
                .questionAnswer(QuestionAnswer(question: T.question, answer: [RichText(T.answer)])),
                .registryLink]),
            Section(id: "the-bottom-line", kind: .bottomLine, heading: T.bottomLineHeading, blocks: [
                .paragraph(RichText(fill(T.bottomLine, drugs[0].name, w.decimal(hr))))]),
            Section(id: "disclaimer", kind: .disclaimer, heading: T.disclaimerHeading, blocks: [
                .paragraph(RichText([.text(T.disclaimer),
                                     .link(url: "https://cleartrials.example.org/about", children: [.text(T.disclaimerLink)]), .text(T.sentenceEnd)]))]),
        ]
        let glossary = [
            GlossaryEntry(id: "pfs", term: T.pfsTerm, definition: RichText(T.pfsDefinition)),
            GlossaryEntry(id: "hazard-ratio", term: T.hrTerm, definition: RichText(T.hrDefinition)),
        ]
        let nct = "NCT" + String(10_000_000 + (r.int(0...89_999_999)))
        var trial = Trial(name: acronym, registryIDs: [RegistryID(nct)!], condition: condition.prefix(1).uppercased() + condition.dropFirst(),
                          phase: r.pick([.phase2, .phase3, .phase3, .phase2And3]),
                          design: TrialDesign(randomized: true, allocationRatio: armCount == 2 ? "1:1" : Array(repeating: "1", count: armCount).joined(separator: ":"),
                                              masking: r.pick(Masking.allCases), placeboControlled: false,
                                              multicenter: true, international: countries.count > 1),
                          countries: countries, enrollment: enrollment, sponsor: r.pick(V.sponsors),
                          publication: Publication(journal: journal.0, journalShort: journal.1, year: year,
                                                   title: fill(T.articleTitle, acronym),
                                                   doi: "10.5555/fictional.\(seed).\(index + 1)"),
                          status: r.pick([.completed, .activeNotRecruiting]))
        addLaySummaryFields(&trial, index: index, countries: countries, enrollment: enrollment, text: T)
        return Summary(id: id(index), title: title,
                       lead: RichText(fill(T.lead, drugs[0].name)),
                       cancerType: cancerType, category: category, tags: [T.fictionalTag, cancerType.lowercased(), drugs[0].name],
                       language: language.rawValue, reviewed: Day(year: year, month: r.int(1...12), day: r.int(1...28))!, version: 1,
                       trial: trial, arms: arms, outcomes: outcomes, sections: sections, glossary: glossary)
    }

    /// EU CTR Annex V fields on two samples in three, from the index alone: the random stream (and so every
    /// other field of every sample) stays as it was before these fields existed.
    private func addLaySummaryFields(_ t: inout Trial, index: Int, countries: [String], enrollment: Int, text T: SampleText) {
        guard index % 3 != 2 else { return }
        t.protocolNumber = "FIC-\(1000 + index)"
        t.sponsorContact = "https://sponsor.example.org/trials/\(id(index))"
        let older = enrollment * (30 + index % 20) / 100
        t.population = Population(
            regions: countries.count > 1 ? [.init(label: T.regionEU, people: enrollment / 2), .init(label: T.regionOutsideEU, people: enrollment - enrollment / 2)] : [],
            ageGroups: [.init(label: T.under65, people: enrollment - older), .init(label: T.over65, people: older)],
            sexes: index % 2 == 0 ? [.init(label: T.women, people: enrollment)] : [])
        t.eligibility = Eligibility(inclusion: T.inclusion, exclusion: index % 2 == 0 ? [T.exclusion] : [])
        if index % 3 == 0 { t.followUpTrials = T.followUp }
    }
}
