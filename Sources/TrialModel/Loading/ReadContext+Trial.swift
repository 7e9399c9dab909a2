extension ReadContext {
    func trial(_ v: YAMLValue) -> Trial? {
        guard let m = v.map(SummaryKeys.trial.all) else { return nil }
        let name = m.required("name")?.text()
        let official = m.optional("officialTitle")?.text()
        let ids = m.required("registryIds")?.list(nonEmpty: true)?.compactMap { item -> RegistryID? in
            guard let s = item.text() else { return nil }
            guard let id = RegistryID(s) else {
                item.error("'\(s)' is not a registry id (expected e.g. NCT + 8 digits like NCT02947685, ISRCTN + 8 digits, or a EudraCT number)")
                return nil
            }
            return id
        }
        let condition = m.required("condition")?.text()
        let phase = m.required("phase")?.choice(Phase.self)
        let design = m.required("design").flatMap(design)
        let countries = m.optional("countries")?.textList() ?? []
        let locations = m.optional("locations")?.text()
        let enrollment = m.required("enrollment")?.int(in: 1...10_000_000)
        let sponsor = m.optional("sponsor")?.text()
        let publication = m.optional("publication").flatMap(publication)
        let status = m.required("status")?.choice(TrialStatus.self)
        let start = m.optional("startDate").flatMap(registryDate)
        let completion = m.optional("completionDate").flatMap(registryDate)
        if let start, let completion, let v = m.optional("completionDate"),
           (completion.year, completion.month, completion.day ?? 31) < (start.year, start.month, start.day ?? 1) {
            v.error("completion \(completion) is before the start \(start)")
        }
        let lay = layFields(m)
        guard let name, let ids, let condition, let phase, let design, let enrollment, let status else { return nil }
        return Trial(name: name, officialTitle: official, registryIDs: ids, condition: condition, phase: phase,
                     design: design, countries: countries, locations: locations, enrollment: enrollment,
                     sponsor: sponsor, publication: publication, status: status, startDate: start,
                     completionDate: completion, protocolNumber: lay.protocolNumber, euTrialNumber: lay.euTrialNumber,
                     sponsorContact: lay.sponsorContact, population: lay.population, eligibility: lay.eligibility,
                     followUpTrials: lay.followUpTrials)
    }

    private func registryDate(_ v: YAMLValue) -> RegistryDate? {
        guard let s = v.text() else { return nil }
        guard let d = RegistryDate(s) else { v.error("'\(s)' is not a date like 2014-08 or 2014-08-05"); return nil }
        return d
    }

    private func design(_ v: YAMLValue) -> TrialDesign? {
        guard let m = v.map(SummaryKeys.design.all) else { return nil }
        let randomized = m.required("randomized")?.bool()
        let ratioValue = m.optional("allocationRatio")
        let ratio = ratioValue?.text()
        if let ratio, let ratioValue {
            let parts = ratio.split(separator: ":", omittingEmptySubsequences: false)
            if parts.count < 2 || !parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) {
                ratioValue.error("'\(ratio)' is not an allocation ratio like 1:1 or 2:1")
            }
            if randomized == false { ratioValue.warning("an allocation ratio is given but randomized is false") }
        }
        let masking = m.required("masking")?.choice(Masking.self)
        let placebo = m.optional("placeboControlled")?.bool() ?? false
        let multicenter = m.required("multicenter")?.bool()
        let international = m.required("international")?.bool()
        guard let randomized, let masking, let multicenter, let international else { return nil }
        return TrialDesign(randomized: randomized, allocationRatio: ratio, masking: masking, placeboControlled: placebo,
                           multicenter: multicenter, international: international)
    }

    private func publication(_ v: YAMLValue) -> Publication? {
        guard let m = v.map(SummaryKeys.publication.all) else { return nil }
        let journal = m.required("journal")?.text()
        let short = m.optional("journalShort")?.text()
        let year = m.required("year")?.int(in: 1900...2200)
        let title = m.optional("title")?.text()
        let date = m.optional("date")?.day()
        let doiValue = m.optional("doi")
        let doi = doiValue?.text()
        if let doi, let doiValue, !(doi.hasPrefix("10.") && doi.contains("/")) || doi.contains(where: \.isWhitespace) {
            doiValue.error("'\(doi)' is not a DOI like 10.1056/NEJMoa2400000 (write it without https://doi.org/)")
        }
        let urlValue = m.optional("url")
        let url = urlValue?.text()
        if let url, let urlValue, !InlineParser.isAbsoluteHTTP(url) { urlValue.error("'\(url)' is not an absolute http(s) URL") }
        if let year, let date, let dv = m.optional("date"), date.year != year {
            dv.error("date \(date) is not in the publication year \(year)")
        }
        guard let journal, let year else { return nil }
        return Publication(journal: journal, journalShort: short, year: year, title: title, date: date, doi: doi, url: url)
    }
}
