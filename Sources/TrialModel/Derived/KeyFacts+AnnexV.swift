/// Key facts from the optional EU CTR Annex V fields; a summary without them gets none, so its outputs do not change.
extension KeyFacts {
    /// "Who took part" breakdown and eligibility, right after the number of people.
    static func whoTookPart(_ t: Trial) -> [Fact] {
        var f: [Fact] = []
        if let p = t.population, !p.isEmpty {
            let groups = [p.regions, p.ageGroups, p.sexes].filter { !$0.isEmpty }
                .map { $0.map { "\($0.label): \(NumberText.grouped($0.people))" }.joined(separator: ", ") }
            f.append(Fact(label: "Who took part", value: groups.joined(separator: "; ")))
        }
        if let e = t.eligibility {
            if !e.inclusion.isEmpty { f.append(Fact(label: "Who could join", value: e.inclusion.joined(separator: "; "))) }
            if !e.exclusion.isEmpty { f.append(Fact(label: "Who could not join", value: e.exclusion.joined(separator: "; "))) }
        }
        return f
    }

    /// Identifiers, sponsor contact and follow-up plans, after the status.
    static func annexV(_ t: Trial) -> [Fact] {
        var f: [Fact] = []
        if let n = t.protocolNumber { f.append(Fact(label: "Protocol number", value: n)) }
        if let n = t.euTrialNumber, !t.registryIDs.contains(where: { $0.value == n }) { f.append(Fact(label: "EU trial number", value: n)) }
        if let c = t.sponsorContact { f.append(Fact(label: "Sponsor contact", value: (t.sponsor.map { "\($0): " } ?? "") + c)) }
        if let u = t.followUpTrials { f.append(Fact(label: "Follow-up trials", value: u)) }
        return f
    }
}
