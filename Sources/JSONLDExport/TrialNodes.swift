import TrialModel

/// The nodes describing the trial itself: MedicalTrial, its MedicalCondition, one MedicalTherapy per arm,
/// Drug and DrugClass nodes, and the publication. Facts schema.org has no property for (phase, enrolment,
/// arms' sizes, results) go into `description` text, taken from the model's derived views.
struct TrialNodes {
    let item: LoadedSummary
    let ids: NodeIDs
    let drugs: DrugCatalog

    init(item: LoadedSummary, ids: NodeIDs) {
        self.item = item
        self.ids = ids
        self.drugs = DrugCatalog(arms: item.summary.arms)
    }

    private var summary: Summary { item.summary }
    private var trial: Trial { item.summary.trial }

    var trialNode: Node {
        var n = Node(type: "MedicalTrial", id: ids.trial)
        n.set("name", trial.officialTitle ?? trial.name)
        if trial.officialTitle != nil { n.set("alternateName", trial.name) }
        n.set("description", trialDescription)
        n.set("identifier", all: trial.registryIDs.map(registryIdentifier))
        n.set("sameAs", all: trial.registryIDs.map { .string($0.url) })
        n.set("trialDesign", all: SchemaOrg.designMembers(trial.design))
        n.set("status", SchemaOrg.status(trial.status))
        n.set("healthCondition", Node.ref(ids.condition))
        n.set("relevantSpecialty", SchemaOrg.specialty(summary))
        if let sponsor = trial.sponsor, !sponsor.isEmpty {
            var org = Node(type: "Organization")
            org.set("name", sponsor)
            n.set("sponsor", org)
        }
        n.set("studyLocation", all: trial.countries.filter { !$0.isEmpty }.map { country in
            var c = Node(type: "Country")
            c.set("name", country)
            return c.json
        })
        // What the trial studies: each arm's regimen, then the drugs being tested.
        let tested = drugs.drugs.filter { $0.intervention.role == .investigational }.map { Node.ref(ids.drug($0.key)) }
        n.set("studySubject", all: summary.arms.map { Node.ref(ids.arm($0.id)) } + tested)
        if trial.publication != nil { n.set("subjectOf", Node.ref(ids.publication)) }
        return n
    }

    /// The facts box as the page shows it ("Phase: Phase III. Design: Randomized 1:1, open-label, …"), then the
    /// primary measure; plus the results when there is no publication node to carry them.
    private var trialDescription: String {
        let w = item.views.words
        var parts = item.views.keyFacts.facts.map { w.text(.labelValue, $0.label, $0.value) + (w.language == .zhHans ? "。" : ".") }
        let primary = summary.outcomes.filter { $0.role == .primary }.map(\.name)
        if !primary.isEmpty { parts.append(w.text(.primaryMeasure, primary.joined(separator: w[.listSeparator]))) }
        if trial.publication == nil, let results = resultsText { parts.append(results) }
        return parts.joined(separator: " ")
    }

    /// One sentence per outcome, from the chart series (values exactly as published) or the maturity note.
    var resultsText: String? {
        let sentences = summary.outcomes.compactMap { o -> String? in
            if let chart = item.views.chart(for: o.id) {
                let w = chart.words
                let values = chart.bars.map { "\($0.valueText) (\($0.label))" }.joined(separator: w[.versus])
                return w.text(.mainResultSentence, o.name, values, chart.effectText.map { w[.groupSeparator] + $0 } ?? "")
                    + (chart.frequencySentence.map { " " + $0 } ?? "")
            }
            // The maturity note is a full sentence naming the outcome ("Overall survival data were not yet mature…").
            return o.maturity?.plainText
        }
        return sentences.isEmpty ? nil : sentences.joined(separator: " ")
    }

    private func registryIdentifier(_ id: RegistryID) -> JSONValue {
        var v = Node(type: "PropertyValue")
        v.set("propertyID", id.registry.rawValue)
        v.set("value", id.value)
        v.set("url", id.url)
        return v.json
    }

    var conditionNode: Node {
        var n = Node(type: "MedicalCondition", id: ids.condition)
        n.set("name", trial.condition)
        n.set("relevantSpecialty", SchemaOrg.specialty(summary))
        return n
    }

    var armNodes: [Node] {
        summary.arms.map { arm in
            var n = Node(type: "MedicalTherapy", id: ids.arm(arm.id))
            n.set("name", arm.label)
            if arm.shortLabel != arm.label { n.set("alternateName", arm.shortLabel) }
            var text = arm.description.plainText
            if let people = arm.participants { text += " " + item.views.words.text(.peopleInGroup, item.views.words.integer(people)) }
            n.set("description", text)
            n.set("drug", all: arm.interventions.compactMap { drugs.drugKey($0) }.map { Node.ref(ids.drug($0)) })
            return n
        }
    }

    var drugNodes: [Node] {
        drugs.drugs.map { entry in
            let i = entry.intervention
            var n = Node(type: "Drug", id: ids.drug(entry.key))
            n.set("name", i.name)
            if TrialNodes.isGenericName(i) { n.set("nonProprietaryName", i.name) }
            n.set("description", i.dosing.map { "Given \($0)." })
            if let cls = i.drugClass, let key = drugs.classKey(cls) { n.set("drugClass", Node.ref(ids.drugClass(key))) }
            var role = Node(type: "PropertyValue")
            role.set("name", "Role in this trial")
            role.set("value", i.role.jsonLDText)
            n.set("additionalProperty", all: [role.json])
            return n
        }
    }

    /// Summaries name drugs by their generic (non-proprietary) names, but an intervention can also be a choice
    /// or combination ("aromatase inhibitor or tamoxifen"), and a placebo has no such name.
    static func isGenericName(_ i: Intervention) -> Bool {
        guard i.role != .placebo else { return false }
        let n = " " + i.name.lowercased() + " "
        return ![" or ", " and ", "/", "+", ",", "±", " with "].contains { n.contains($0) }
    }

    var drugClassNodes: [Node] {
        drugs.classes.map { cls in
            var n = Node(type: "DrugClass", id: ids.drugClass(cls.key))
            n.set("name", cls.name)
            n.set("drug", all: cls.drugKeys.map { Node.ref(ids.drug($0)) })
            return n
        }
    }

    var publicationNode: Node? {
        guard let p = trial.publication else { return nil }
        var n = Node(type: "MedicalScholarlyArticle", id: ids.publication)
        // Only the real article title; the page shows nothing else that could stand for one.
        n.set("headline", p.title)
        n.set("name", p.title)
        var journal = Node(type: "Periodical")
        journal.set("name", p.journal)
        if p.journalShort != p.journal { journal.set("alternateName", p.journalShort) }
        n.set("isPartOf", journal)
        // A year alone is a valid ISO 8601 / schema.org Date.
        n.set("datePublished", p.date?.description ?? String(p.year))
        n.set("url", p.link)
        n.set("sameAs", p.link)
        if let doi = p.doi {
            var v = Node(type: "PropertyValue")
            v.set("propertyID", "DOI")
            v.set("value", doi)
            v.set("url", p.link)
            n.set("identifier", all: [v.json])
        }
        n.set("publicationType", all: SchemaOrg.meshPublicationTypes(trial))
        n.set("about", Node.ref(ids.trial))
        n.set("description", resultsText)
        return n
    }
}
