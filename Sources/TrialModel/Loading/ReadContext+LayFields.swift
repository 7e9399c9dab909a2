/// The optional trial fields EU CTR Annex V asks a lay summary for (see `Population`, `Eligibility`).
extension ReadContext {
    struct LayFields {
        var protocolNumber: String?
        var euTrialNumber: String?
        var sponsorContact: String?
        var population: Population?
        var eligibility: Eligibility?
        var followUpTrials: String?
    }

    func layFields(_ m: YAMLMap) -> LayFields {
        var f = LayFields()
        f.protocolNumber = m.optional("protocolNumber")?.text()
        if let v = m.optional("euTrialNumber"), let s = v.text() {
            if let id = RegistryID(s), id.registry == .ctis || id.registry == .euctr { f.euTrialNumber = s }
            else { v.error("'\(s)' is not an EU trial number like 2023-503412-41-00 (CTIS) or 2016-001234-56 (EudraCT)") }
        }
        f.sponsorContact = m.optional("sponsorContact")?.text()
        f.population = m.optional("population").flatMap(population)
        f.eligibility = m.optional("eligibility").flatMap(eligibility)
        f.followUpTrials = m.optional("followUpTrials")?.text()
        return f
    }

    private func population(_ v: YAMLValue) -> Population? {
        guard let m = v.map(SummaryKeys.population.all) else { return nil }
        func counts(_ key: String) -> [Population.Count] {
            m.optional(key)?.list(nonEmpty: true)?.compactMap { item in
                guard let c = item.map(SummaryKeys.populationCount.all) else { return nil }
                let label = c.required("label")?.text()
                let people = c.required("people")?.int(in: 0...10_000_000)
                guard let label, let people else { return nil }
                return Population.Count(label: label, people: people)
            } ?? []
        }
        return Population(regions: counts("regions"), ageGroups: counts("ageGroups"), sexes: counts("sexes"))
    }

    private func eligibility(_ v: YAMLValue) -> Eligibility? {
        guard let m = v.map(SummaryKeys.eligibility.all) else { return nil }
        return Eligibility(inclusion: m.optional("inclusion")?.textList() ?? [], exclusion: m.optional("exclusion")?.textList() ?? [])
    }
}
