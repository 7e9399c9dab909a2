/// Per-file reading state: the ids seen so far, so cross-references are checked where they are written.
final class ReadContext {
    let log: DiagnosticLog
    var armIDs: [String] = []
    var outcomes: [String: Outcome] = [:]
    var glossaryIDs: Set<String> = []
    /// Term references met in rich text, checked once the glossary has been read.
    var termUses: [(id: String, at: YAMLValue)] = []

    init(log: DiagnosticLog) { self.log = log }

    func rich(_ v: YAMLValue?) -> RichText? {
        guard let v, let r = v.richText() else { return nil }
        for id in r.termReferences { termUses.append((id, v)) }
        return r
    }

    /// A summary id names output files, so it must not be the name of a collection output.
    func summaryID(_ v: YAMLValue) -> String? {
        guard let id = v.slug() else { return nil }
        guard !Slug.reservedSummaryIDs.contains(id) else {
            v.error("'\(id)' is reserved: outputs of the whole library use that name; choose another id"); return nil
        }
        return id
    }

    func summary(_ top: YAMLValue) -> Summary? {
        guard let m = top.map(SummaryKeys.top.all) else { return nil }
        if let v = m.required("schemaVersion"), let n = v.int(), n != Summary.currentSchemaVersion {
            v.error("schemaVersion \(n) is not supported; this trialexport reads schemaVersion \(Summary.currentSchemaVersion)")
        }
        let id = m.required("id").flatMap(summaryID)
        let title = m.required("title")?.text()
        let lead = rich(m.required("lead"))
        let cancerType = m.required("cancerType")?.text()
        let category = m.required("category")?.choice(Category.self)
        let tags = m.optional("tags")?.textList() ?? []
        let language = m.required("language").flatMap(language)
        let reviewed = m.required("reviewed")?.day()
        let version = m.optional("version")?.int(in: 1...9999) ?? 1
        // Glossary first: everything after it may refer to its terms.
        let glossary = m.optional("glossary").flatMap(glossaryList) ?? []
        let trial = m.required("trial").flatMap(trial)
        let armsValue = m.required("arms")
        let arms = armsValue.flatMap(armList) ?? []
        let outcomes = m.required("outcomes").flatMap(outcomeList) ?? []
        let sections = m.required("sections").flatMap(sectionList) ?? []
        checkTermUses()
        let perArm = arms.compactMap(\.participants)
        if let trial, let armsValue, !arms.isEmpty, perArm.count == arms.count, perArm.reduce(0, +) != trial.enrollment {
            armsValue.warning("arm participants add up to \(perArm.reduce(0, +)) but trial.enrollment is \(trial.enrollment)")
        }
        guard let id, let title, let lead, let cancerType, let category, let language, let reviewed, let trial else {
            return nil
        }
        return Summary(id: id, title: title, lead: lead, cancerType: cancerType, category: category, tags: tags,
                       language: language, reviewed: reviewed, version: version, trial: trial, arms: arms,
                       outcomes: outcomes, sections: sections, glossary: glossary, drafts: log.drafts)
    }

    /// BCP 47 language tag, kept simple: `en`, `en-GB`, `pt-BR`.
    private func language(_ v: YAMLValue) -> String? {
        guard let s = v.text() else { return nil }
        let parts = s.split(separator: "-")
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isLetter && $0.isLowercase && $0.isASCII }),
              parts.dropFirst().allSatisfy({ (2...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } })
        else { v.error("'\(s)' is not a language tag like en or en-GB"); return nil }
        return s
    }

    private func checkTermUses() {
        for use in termUses where !glossaryIDs.contains(use.id) {
            let hint = Suggest.closest(to: use.id, in: Array(glossaryIDs)).map { "; did you mean '\($0)'?" } ?? ""
            use.at.error("refers to glossary term '\(use.id)', which the glossary does not define\(hint)")
        }
    }

    /// Reports a repeated id at its second use.
    func unique(_ items: [(String, YAMLValue)], what: String) {
        var seen = Set<String>()
        for (id, v) in items where !seen.insert(id).inserted {
            v.error("duplicate \(what) id '\(id)'")
        }
    }
}
