import TrialModel

extension ImportBuilder {
    func trialFacts(nct: String, acronym: String?, conditions: [String]) -> Trial {
        let ident = proto.identificationModule
        if acronym == nil { draft("trial.name", "the registry gives no acronym; name the trial as patients would") }
        let official = ident.officialTitle.map { line($0, at: "trial.officialTitle") }.flatMap { $0.isEmpty ? nil : $0 }
        let condition = conditions.isEmpty ? "Not given in the registry" : conditions.joined(separator: ", ")
        if conditions.isEmpty { draft("trial.condition", "placeholder: the registry record lists no condition") }

        let design = proto.designModule
        let phase: Phase
        if let p = Vocabulary.phase(design?.phases) { phase = p } else {
            phase = .notApplicable
            draft("trial.phase", "placeholder: the registry gives phases \(design?.phases ?? []), which have no counterpart")
        }

        let info = design?.designInfo
        let randomized = Vocabulary.randomized(info?.allocation)
        if randomized == nil { draft("trial.design.randomized", "placeholder: the registry gives no allocation") }
        let maskingCode = info?.maskingInfo?.masking
        let masking = Vocabulary.masking(maskingCode)
        if masking == nil { draft("trial.design.masking", "placeholder: the registry gives no masking") }
        else if maskingCode == "QUADRUPLE" {
            draft("trial.design.masking", "the registry says QUADRUPLE (\((info?.maskingInfo?.whoMasked ?? []).joined(separator: ", ").lowercased())); triple-blind is the closest")
        }
        let arms = proto.armsInterventionsModule?.armGroups ?? []
        let placebo = arms.contains { $0.type == "PLACEBO_COMPARATOR" }
            || (proto.armsInterventionsModule?.interventions ?? []).contains { $0.name.lowercased().contains("placebo") }
        let locations = proto.contactsLocationsModule?.locations ?? []
        var countries: [String] = []
        for l in locations {
            if let c = l.country.map({ line($0, at: "trial.countries") }), !c.isEmpty, !countries.contains(c) { countries.append(c) }
        }
        let sites = Set(locations.map { "\($0.facility ?? "")|\($0.city ?? "")|\($0.country ?? "")" })
        if locations.isEmpty {
            draft("trial.design.multicenter", "placeholder: the registry lists no locations")
            draft("trial.design.international", "placeholder: the registry lists no locations")
        }
        let trialDesign = TrialDesign(randomized: randomized ?? false, masking: masking ?? .openLabel,
                                      placeboControlled: placebo, multicenter: sites.count > 1,
                                      international: countries.count > 1)

        let enrollment: Int
        if let n = design?.enrollmentInfo?.count, n >= 1 {
            enrollment = n
            if design?.enrollmentInfo?.type == "ESTIMATED" {
                draft("trial.enrollment", "the registry's estimate; update it when the actual number is posted")
            }
        } else {
            enrollment = 1
            let count = design?.enrollmentInfo?.count
            draft("trial.enrollment", count == nil ? "placeholder: the registry gives no enrolment"
                  : "placeholder: the registry gives an enrolment of \(count!), and a summary needs at least 1")
        }

        let statusCode = proto.statusModule?.overallStatus
        let status: TrialStatus
        if let s = Vocabulary.status(statusCode) { status = s } else {
            status = .activeNotRecruiting
            draft("trial.status", "placeholder: the registry status is \(statusCode ?? "missing"), which has no counterpart")
        }
        let sponsor = proto.sponsorCollaboratorsModule?.leadSponsor?.name.map { line($0, at: "trial.sponsor") }
        let start = registryDate(proto.statusModule?.startDateStruct, field: "trial.startDate")
        let completion = registryDate(proto.statusModule?.completionDateStruct, field: "trial.completionDate")
        return Trial(name: acronym ?? nct, officialTitle: official, registryIDs: [RegistryID(nct)].compactMap { $0 },
                     condition: condition, phase: phase, design: trialDesign, countries: countries,
                     enrollment: enrollment, sponsor: sponsor.flatMap { $0.isEmpty ? nil : $0 }, status: status,
                     startDate: start, completionDate: completion)
    }

    /// A registry date; an estimated one is a draft, to update when the actual date is posted.
    private func registryDate(_ d: CTGovStudy.DateStruct?, field: String) -> RegistryDate? {
        guard let date = d?.date.flatMap(RegistryDate.init) else { return nil }
        if ["ESTIMATED", "ANTICIPATED"].contains(d?.type ?? "") {
            draft(field, "the registry's estimate; update it when the actual date is posted")
        }
        return date
    }

    func armList() -> [Arm] {
        let groups = proto.armsInterventionsModule?.armGroups ?? []
        let interventions = proto.armsInterventionsModule?.interventions ?? []
        guard !groups.isEmpty else {
            draft("arms", "placeholder: the registry record lists no arms; describe the groups of participants")
            return [Arm(id: "arm", label: "Not given in the registry", shortLabel: "Not given",
                        description: "The registry record lists no arms.",
                        interventions: [Intervention(name: "Not given in the registry", role: .standard)])]
        }
        var used = Set<String>()
        return groups.enumerated().map { i, g in
            let path = "arms[\(i)]"
            let label = line(g.label, at: "\(path).label")
            var id = Slug.make(Vocabulary.matchKey(label))
            if id == "section" { id = "arm-\(i + 1)" }
            while !used.insert(id).inserted { id += "-\(i + 1)" }
            draft("\(path).label", "the registry's arm label; write a plain-language label")
            draft("\(path).shortLabel", "the registry's arm label; write a short label for charts")
            let description = g.description.map { paragraphs($0, at: "\(path).description").joined(separator: " ") } ?? ""
            draft("\(path).description", "the registry's arm description; rewrite in plain language")
            let isControl = Vocabulary.controlArmTypes.contains(g.type ?? "")
            var list: [Intervention] = (g.interventionNames ?? []).map { full in
                let name = full.split(separator: ":", maxSplits: 1).last.map { String($0) } ?? full
                let clean = line(name, at: "\(path).interventions")
                let role: Intervention.Role = clean.lowercased().contains("placebo") ? .placebo
                    : g.type == "EXPERIMENTAL" ? .investigational : .standard
                return Intervention(name: clean, role: role)
            }.filter { !$0.name.isEmpty }
            if list.isEmpty {
                let named = interventions.filter { ($0.armGroupLabels ?? []).contains(g.label) }
                list = named.map { Intervention(name: line($0.name, at: "\(path).interventions"), role: isControl ? .standard : .investigational) }
            }
            if list.isEmpty {
                list = [Intervention(name: g.type == "NO_INTERVENTION" ? "No intervention" : "Not given in the registry", role: .standard)]
                draft("\(path).interventions", "the registry names no intervention for this arm")
            }
            return Arm(id: id, label: label, shortLabel: label,
                       description: RichText(description.isEmpty ? "Not described in the registry." : description),
                       interventions: list, isControl: isControl)
        }
    }
}
