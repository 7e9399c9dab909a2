import TrialModel

/// The ten elements Regulation (EU) 536/2014 Annex V asks a summary for laypersons to contain, each judged
/// present, partial or missing from the summary's fields, with the fields still to fill.
public struct AnnexVItem: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable { case present, partial, missing }
    public var number: Int
    public var element: String
    public var status: Status
    /// Field paths to fill (empty when present), e.g. `trial.protocolNumber`.
    public var fill: [String]

    enum CodingKeys: String, CodingKey { case number, element, status, fill }
}

enum AnnexV {
    static func check(_ s: Summary) -> [AnnexVItem] {
        let t = s.trial
        let kinds = Set(s.sections.map(\.kind))
        func item(_ n: Int, _ element: String, _ needs: [(Bool, String)], core: Int = 1) -> AnnexVItem {
            // The first `core` needs decide between partial and missing: without them nothing of the element is there.
            let missing = needs.filter { !$0.0 }.map(\.1)
            let coreMissing = core > 0 && needs.prefix(core).allSatisfy { !$0.0 }
            let status: AnnexVItem.Status = missing.isEmpty ? .present
                : (coreMissing || missing.count == needs.count) ? .missing : .partial
            return AnnexVItem(number: n, element: element, status: status, fill: missing)
        }
        let hasEUNumber = t.euTrialNumber != nil || t.registryIDs.contains { $0.registry == .ctis || $0.registry == .euctr }
        let investigational = s.arms.flatMap(\.interventions).filter { $0.role == .investigational }
        let safety = s.outcomes.filter { $0.role == .safety }
        let primary = s.outcomes.filter { $0.role == .primary }
        let pop = t.population ?? Population()
        let elig = t.eligibility ?? Eligibility()
        let eligibilityInSections = kinds.contains(.whoFor)
        let hasLink = s.sections.contains { $0.blocks.contains(.registryLink) } || t.publication != nil
        return [
            item(1, "Trial identification (title, protocol number, EU trial number, other identifiers)", [
                (!s.title.isEmpty && !t.registryIDs.isEmpty, "trial.registryIds"), (t.protocolNumber != nil, "trial.protocolNumber"),
                (hasEUNumber, "trial.euTrialNumber")]),
            item(2, "Sponsor name and contact", [(t.sponsor != nil, "trial.sponsor"), (t.sponsorContact != nil, "trial.sponsorContact")]),
            item(3, "Where and when the trial ran, its main objectives and why it was done", [
                (!t.countries.isEmpty || t.locations != nil, "trial.countries"), (t.startDate != nil, "trial.startDate"),
                (t.completionDate != nil || ![.completed, .terminated].contains(t.status), "trial.completionDate"),
                (kinds.contains(.background) || kinds.contains(.explainer), "sections (kind: background)"),
                (kinds.contains(.design) || kinds.contains(.trialType), "sections (kind: design)")], core: 5),
            item(4, "Population: numbers by region, age group and sex; inclusion and exclusion criteria", [
                (t.enrollment > 0, "trial.enrollment"), (!pop.regions.isEmpty, "trial.population.regions"),
                (!pop.ageGroups.isEmpty, "trial.population.ageGroups"), (!pop.sexes.isEmpty, "trial.population.sexes"),
                (!elig.inclusion.isEmpty || eligibilityInSections, "trial.eligibility.inclusion"),
                (!elig.exclusion.isEmpty, "trial.eligibility.exclusion")], core: 0),
            item(5, "Investigational medicinal products", [
                (!investigational.isEmpty, "arms[].interventions (role: investigational)"),
                (investigational.allSatisfy { $0.dosing != nil || $0.drugClass != nil }, "arms[].interventions[].dosing")]),
            item(6, "Adverse reactions and their frequency", [
                (!safety.isEmpty, "outcomes (role: safety)"), (safety.contains { !$0.values.isEmpty }, "outcomes[].values (safety)")]),
            item(7, "Overall results", [
                (!primary.isEmpty, "outcomes (role: primary)"),
                (primary.contains { !$0.values.isEmpty || $0.maturity != nil }, "outcomes[].values (primary)"),
                (kinds.contains(.results), "sections (kind: results)")]),
            item(8, "Comments on the outcome", [
                (kinds.contains(.bottomLine) || kinds.contains(.whatItMeans) || kinds.contains(.expertView), "sections (kind: what-it-means)")]),
            item(9, "Whether follow-up trials are foreseen", [(t.followUpTrials != nil, "trial.followUpTrials")]),
            item(10, "Where more information can be found", [
                (!t.registryIDs.isEmpty, "trial.registryIds"), (hasLink, "sections (registry-link block) or trial.publication")]),
        ]
    }
}
