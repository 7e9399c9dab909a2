extension ReadContext {
    func armList(_ v: YAMLValue) -> [Arm]? {
        guard let items = v.list(nonEmpty: true) else { return nil }
        // A draft list of arms is already reported as a draft.
        if items.count == 1, log.drafts[v.path] == nil { v.warning("a single arm: charts will have nothing to compare") }
        var ids: [(String, YAMLValue)] = []
        let arms = items.compactMap { item -> Arm? in
            guard let a = arm(item) else { return nil }
            if let idv = item.map(SummaryKeys.arm.all)?.optional("id") { ids.append((a.id, idv)) }
            return a
        }
        unique(ids, what: "arm")
        armIDs = arms.map(\.id)
        return arms
    }

    private func arm(_ v: YAMLValue) -> Arm? {
        guard let m = v.map(SummaryKeys.arm.all) else { return nil }
        let id = m.required("id")?.slug()
        let label = m.required("label")?.text()
        let short = m.required("shortLabel")?.text()
        let description = rich(m.required("description"))
        let interventions = m.required("interventions")?.list(nonEmpty: true)?.compactMap(intervention)
        let participants = m.optional("participants")?.int(in: 0...10_000_000)
        let control = m.optional("control")?.bool() ?? false
        guard let id, let label, let short, let description, let interventions else { return nil }
        return Arm(id: id, label: label, shortLabel: short, description: description, interventions: interventions,
                   participants: participants, isControl: control)
    }

    private func intervention(_ v: YAMLValue) -> Intervention? {
        guard let m = v.map(SummaryKeys.intervention.all) else { return nil }
        let name = m.required("name")?.text()
        let role = m.required("role")?.choice(Intervention.Role.self)
        let cls = m.optional("class")?.text()
        let dosing = m.optional("dosing")?.text()
        guard let name, let role else { return nil }
        return Intervention(name: name, role: role, drugClass: cls, dosing: dosing)
    }

    func glossaryList(_ v: YAMLValue) -> [GlossaryEntry]? {
        guard let items = v.list() else { return nil }
        var ids: [(String, YAMLValue)] = []
        let entries = items.compactMap { item -> GlossaryEntry? in
            guard let m = item.map(SummaryKeys.glossary.all) else { return nil }
            let idv = m.required("id")
            let id = idv?.slug()
            let term = m.required("term")?.text()
            let definition = rich(m.required("definition"))
            if let id, let idv { ids.append((id, idv)) }
            guard let id, let term, let definition else { return nil }
            return GlossaryEntry(id: id, term: term, definition: definition)
        }
        unique(ids, what: "glossary")
        glossaryIDs = Set(ids.map(\.0))
        return entries
    }
}
