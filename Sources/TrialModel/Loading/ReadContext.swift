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
        let translationOf = m.optional("translationOf")?.slug()
        // Glossary first: everything after it may refer to its terms.
        let glossary = m.optional("glossary").flatMap(glossaryList) ?? []
        let trial = m.required("trial").flatMap(trial)
        let armsValue = m.required("arms")
        let arms = armsValue.flatMap(armList) ?? []
        let outcomes = m.required("outcomes").flatMap(outcomeList) ?? []
        let sections = m.required("sections").flatMap(sectionList) ?? []
        let brief = m.optional("brief").flatMap(briefChoice) ?? BriefChoice()
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
                       outcomes: outcomes, sections: sections, glossary: glossary, brief: brief,
                       drafts: log.drafts, translationOf: translationOf)
    }

    /// `brief: {leaveOut: [side-effects, grade4-ae]}`: part names or ids of outcomes already read.
    private func briefChoice(_ v: YAMLValue) -> BriefChoice? {
        guard let m = v.map(SummaryKeys.brief.all), let list = m.optional("leaveOut")?.list(nonEmpty: true) else { return nil }
        var choice = BriefChoice()
        let names = BriefChoice.Part.allCases.map(\.rawValue) + outcomes.keys.sorted()
        for item in list {
            guard let name = item.text() else { continue }
            if let part = BriefChoice.Part(rawValue: name) { choice.leaveOutParts.append(part); continue }
            if outcomes[name] != nil { choice.leaveOutOutcomes.append(name); continue }
            let hint = Suggest.closest(to: name, in: names).map { "; did you mean '\($0)'?" } ?? ""
            item.error("'\(name)' is neither a part of the brief (\(BriefChoice.Part.allCases.map(\.rawValue).joined(separator: ", "))) nor an outcome id\(hint)")
        }
        return choice
    }

    /// Two or three lower-case ASCII letters, then `-` and 2–8 ASCII letters or digits, any number of times.
    /// ASCII text is decided on its bytes (a Character is a byte there, and asking Characters for their Unicode
    /// properties cost 40,000 instructions per summary); `asciiFastPath: false` asks the Characters (tests).
    static func isLanguageTag(_ s: String, asciiFastPath: Bool = true) -> Bool {
        var text = s
        let ascii: Bool? = !asciiFastPath ? nil : text.withUTF8 { b in
            guard ASCIIBytes.all(b) else { return nil }
            let parts = b.split(separator: UInt8(ascii: "-"))
            guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return false }
            return parts.dropFirst().allSatisfy { part in
                (2...8).contains(part.count) && part.allSatisfy { ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }
            }
        }
        if let ascii { return ascii }
        let parts = s.split(separator: "-")
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isLetter && $0.isLowercase && $0.isASCII }) else { return false }
        return parts.dropFirst().allSatisfy({ (2...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } })
    }

    /// BCP 47 language tag, kept simple: `en`, `en-GB`, `pt-BR`.
    private func language(_ v: YAMLValue) -> String? {
        guard let s = v.text() else { return nil }
        guard ReadContext.isLanguageTag(s) else { v.error("'\(s)' is not a language tag like en or en-GB"); return nil }
        // The tool writes its own words (labels, dates, numbers) in the summary's language: a language without a
        // complete catalogue is refused here rather than printed in English.
        guard let supported = Language(tag: s) else {
            v.error("language '\(s)' is not supported; trialexport writes its own words in \(Language.supportedList)"); return nil
        }
        let missing = Messages.missing(for: supported)
        guard missing.isEmpty else {
            v.error("the '\(supported.rawValue)' message catalogue lacks \(missing.joined(separator: ", "))"); return nil
        }
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
