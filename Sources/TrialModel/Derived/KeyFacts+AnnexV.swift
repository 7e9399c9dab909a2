/// Key facts from the optional EU CTR Annex V fields; a summary without them gets none, so its outputs do not change.
extension KeyFacts {
    /// "Who took part" breakdown and eligibility, right after the number of people.
    static func whoTookPart(_ t: Trial, words w: Messages) -> [Fact] {
        var f: [Fact] = []
        if let p = t.population, !p.isEmpty {
            let groups = [p.regions, p.ageGroups, p.sexes].filter { !$0.isEmpty }
                .map { $0.map { w.text(.labelValue, $0.label, w.integer($0.people)) }.joined(separator: w[.listSeparator]) }
            f.append(Fact(label: w[.factWhoTookPart], value: groups.joined(separator: w[.groupSeparator])))
        }
        if let e = t.eligibility {
            if !e.inclusion.isEmpty { f.append(Fact(label: w[.factWhoCouldJoin], value: e.inclusion.joined(separator: w[.groupSeparator]))) }
            if !e.exclusion.isEmpty { f.append(Fact(label: w[.factWhoCouldNotJoin], value: e.exclusion.joined(separator: w[.groupSeparator]))) }
        }
        return f
    }

    /// Identifiers, sponsor contact and follow-up plans, after the status.
    static func annexV(_ t: Trial, words w: Messages) -> [Fact] {
        var f: [Fact] = []
        if let n = t.protocolNumber { f.append(Fact(label: w[.factProtocolNumber], value: n)) }
        if let n = t.euTrialNumber, !t.registryIDs.contains(where: { $0.value == n }) { f.append(Fact(label: w[.factEUTrialNumber], value: n)) }
        if let c = t.sponsorContact { f.append(Fact(label: w[.factSponsorContact], value: t.sponsor.map { w.text(.labelValue, $0, c) } ?? c)) }
        if let u = t.followUpTrials { f.append(Fact(label: w[.factFollowUpTrials], value: u)) }
        return f
    }
}
