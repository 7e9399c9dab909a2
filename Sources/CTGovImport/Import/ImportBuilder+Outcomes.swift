import TrialModel

extension ImportBuilder {
    func outcomeList(arms: [Arm]) -> [Outcome] {
        var used = Set<String>()
        func uniqueID(_ title: String) -> String {
            // Whole words up to 48 characters: registry titles run to 200.
            var base = ""
            for word in Slug.make(Vocabulary.matchKey(title)).split(separator: "-") {
                if base.count + word.count >= 48 { break }
                base += (base.isEmpty ? "" : "-") + word
            }
            if base.isEmpty { base = "outcome" }
            var id = base, n = 2
            while !used.insert(id).inserted { id = "\(base)-\(n)"; n += 1 }
            return id
        }
        var list: [Outcome] = []
        if let measures = study.resultsSection?.outcomeMeasuresModule?.outcomeMeasures, !measures.isEmpty {
            for m in measures { list.append(outcome(m, index: list.count, id: uniqueID(m.title), arms: arms)) }
        } else {
            let planned = (proto.outcomesModule?.primaryOutcomes ?? []).map { ($0, Outcome.Role.primary) }
                + (proto.outcomesModule?.secondaryOutcomes ?? []).map { ($0, Outcome.Role.secondary) }
            for (m, role) in planned { list.append(plannedOutcome(m, role: role, index: list.count, id: uniqueID(m.measure))) }
        }
        if let groups = study.resultsSection?.adverseEventsModule?.eventGroups, !groups.isEmpty {
            for serious in [true, false] {
                if let o = safetyOutcome(groups, serious: serious, index: list.count, arms: arms) {
                    used.insert(o.id)
                    list.append(o)
                }
            }
        }
        return list
    }

    /// A measure the protocol plans, without results yet: everything but its name is a draft.
    private func plannedOutcome(_ m: CTGovStudy.Outcomes.Measure, role: Outcome.Role, index: Int, id: String) -> Outcome {
        let path = "outcomes[\(index)]"
        let name = line(m.measure, at: "\(path).name")
        draft("\(path).label", "the registry's measure; write a plain-language label")
        let explanation = m.description.map { paragraphs($0, at: "\(path).explanation").joined(separator: " ") }
        if explanation != nil { draft("\(path).explanation", "the registry's description; rewrite in plain language") }
        draft("\(path).kind", "placeholder: the registry posts no results for this measure yet")
        draft("\(path).unit", "placeholder: the registry posts no results for this measure yet")
        draft("\(path).direction", "placeholder: say whether higher or lower is better")
        draft("\(path).maturity", "no results posted yet")
        let timeFrame = m.timeFrame.map { " (time frame: \(line($0, at: "\(path).maturity")))" } ?? ""
        return Outcome(id: id, name: name, label: name, explanation: explanation.map { RichText($0) }, role: role,
                       kind: .mean, unit: "not given yet", direction: .higherIsBetter, values: [],
                       maturity: RichText("No results have been posted on ClinicalTrials.gov for this measure yet\(timeFrame)."))
    }

    private func outcome(_ m: CTGovStudy.OutcomeMeasure, index: Int, id: String, arms: [Arm]) -> Outcome {
        let path = "outcomes[\(index)]"
        let name = line(m.title, at: "\(path).name")
        let role: Outcome.Role = m.type == "PRIMARY" ? .primary : .secondary
        draft("\(path).label", "the registry's measure; write a plain-language label")
        let explanation = m.description.map { paragraphs($0, at: "\(path).explanation").joined(separator: " ") }
        if explanation != nil { draft("\(path).explanation", "the registry's description; rewrite in plain language") }
        draft("\(path).direction", "say whether higher or lower is better; the registry does not")
        let registryUnit = m.unitOfMeasure.map { line($0, at: "\(path).unit") } ?? ""
        let (kind, unit) = MeasureKind.of(paramType: m.paramType, unit: registryUnit)

        var values: [ArmValue] = []
        var maturity: RichText?
        switch MeasureValues.read(m, arms: arms, kind: kind) {
        case .success(let v): values = v
        case .failure(let why):
            undecided.append("\(path) '\(name)': \(why.reason); no values imported")
            maturity = RichText("Values not imported: \(why.reason).")
            draft("\(path).maturity", "the importer could not decide the values; enter them by hand or remove this outcome")
        }
        var effect: Effect?
        if !values.isEmpty {
            switch MeasureValues.effect(m, arms: arms) {
            case .success(let e): effect = e
            case .failure(let why): undecided.append("\(path) '\(name)': \(why.reason); no effect imported")
            }
        }
        return Outcome(id: id, name: name, label: name, explanation: explanation.map { RichText($0) }, role: role,
                       kind: kind, unit: unit, direction: .higherIsBetter, values: values, effect: effect,
                       maturity: maturity)
    }

    /// Serious or other adverse events as the percentage of people at risk in each arm, from the counts.
    private func safetyOutcome(_ groups: [CTGovStudy.AdverseEvents.EventGroup], serious: Bool, index: Int,
                               arms: [Arm]) -> Outcome? {
        let path = "outcomes[\(index)]"
        let name = serious ? "Serious adverse events" : "Other adverse events"
        let counts = groups.map { g in (g, serious ? g.seriousNumAffected : g.otherNumAffected, serious ? g.seriousNumAtRisk : g.otherNumAtRisk) }
        guard counts.allSatisfy({ $0.1 != nil && ($0.2 ?? 0) > 0 }) else {
            undecided.append("\(name.lowercased()): the registry gives no counts for every group; not imported")
            return nil
        }
        switch GroupMatcher(arms: arms).match(groups.map { ($0.id, $0.title) }) {
        case .failure(let why):
            undecided.append("\(name.lowercased()): \(why.reason); not imported")
            return nil
        case .success(let mapping):
            var byArm: [String: (Int, Int, String)] = [:]
            for (g, affected, atRisk) in counts { byArm[mapping[g.id]!] = (affected!, atRisk!, g.title) }
            let values = arms.map { a in ArmValue(arm: a.id, value: SafetyPercent.of(byArm[a.id]!.0, byArm[a.id]!.1)) }
            let countText = arms.map { a in "\(byArm[a.id]!.0) of \(byArm[a.id]!.1) people (\(line(byArm[a.id]!.2, at: "\(path).explanation")))" }
            let armCounts = arms.map { a in ArmCount(arm: a.id, people: byArm[a.id]!.0, of: byArm[a.id]!.1) }
            draft("\(path).label", "write a plain-language label, e.g. People with serious side effects")
            draft("\(path).explanation", "the counts from the registry; rewrite in plain language")
            return Outcome(id: serious ? "serious-adverse-events" : "other-adverse-events", name: name, label: name,
                           explanation: RichText("Registry counts: " + countText.joined(separator: "; ") + "."),
                           role: .safety, kind: .percentage, unit: "%", direction: .lowerIsBetter, values: values,
                           counts: armCounts)
        }
    }
}

/// Safety percentages, recomputed from counts the same way by the importer and the cross-check.
enum SafetyPercent {
    static func of(_ affected: Int, _ atRisk: Int) -> DecimalNumber {
        DecimalNumber(Double(affected) * 100 / Double(atRisk), decimals: 1)
    }
}

/// The model's kind and unit for a registry measure.
enum MeasureKind {
    static func of(paramType: String?, unit: String) -> (Outcome.Kind, String) {
        let u = unit.lowercased()
        let percent = u.hasPrefix("percent") || u == "%" || u.hasPrefix("% of") || u.contains("percentage of participants")
        switch paramType {
        case "MEDIAN" where ["month", "week", "day", "year"].contains(where: u.contains): return (.medianTime, unit)
        case "NUMBER" where percent: return (.percentage, "%")
        case "COUNT_OF_PARTICIPANTS": return (.count, unit.isEmpty ? "people" : unit)
        default: return (.mean, unit.isEmpty ? "not given" : unit)
        }
    }
}
