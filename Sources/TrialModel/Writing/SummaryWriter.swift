import Yams

/// Writes a summary as source YAML that `SummaryReader` reads back to an equal model.
public enum SummaryWriter {
    public static func yaml(_ s: Summary) throws -> String {
        try Yams.serialize(node: DraftMarker.wrap(node(s), drafts: s.drafts), indent: 2, width: -1, allowUnicode: true,
                           sortKeys: false)
    }

    static func node(_ s: Summary) -> Node {
        var pairs: [(String, Node?)] = [
            ("schemaVersion", num(s.schemaVersion)), ("id", str(s.id)), ("title", str(s.title)),
            ("lead", rich(s.lead)), ("cancerType", str(s.cancerType)), ("category", str(s.category.rawValue)),
            ("tags", s.tags.isEmpty ? nil : seq(s.tags.map(str))), ("language", str(s.language)),
            ("translationOf", s.translationOf.map(str)),
            ("reviewed", plain(s.reviewed.description)), ("version", num(s.version)),
        ]
        if !s.glossary.isEmpty {
            pairs.append(("glossary", seq(s.glossary.map { g in
                map([("id", str(g.id)), ("term", str(g.term)), ("definition", rich(g.definition))])
            })))
        }
        pairs += [("trial", trial(s.trial)), ("arms", seq(s.arms.map(arm))), ("outcomes", seq(s.outcomes.map(outcome))),
                  ("sections", seq(s.sections.map(section)))]
        if !s.brief.isEmpty {
            let names = s.brief.leaveOutParts.map(\.rawValue) + s.brief.leaveOutOutcomes
            pairs.append(("brief", map([("leaveOut", seq(names.map(str)))])))
        }
        return map(pairs)
    }

    private static func trial(_ t: Trial) -> Node {
        let d = t.design
        let design = map([
            ("randomized", bool(d.randomized)), ("allocationRatio", t.design.allocationRatio.map(str)),
            ("masking", str(d.masking.rawValue)), ("placeboControlled", d.placeboControlled ? bool(true) : nil),
            ("multicenter", bool(d.multicenter)), ("international", bool(d.international)),
        ])
        let pub = t.publication.map { p in
            map([("journal", str(p.journal)), ("journalShort", p.journalShort.map(str)), ("year", num(p.year)),
                 ("title", p.title.map(str)), ("date", p.date.map { plain($0.description) }), ("doi", p.doi.map(str)),
                 ("url", p.url.map(str))])
        }
        return map([
            ("name", str(t.name)), ("officialTitle", t.officialTitle.map(str)),
            ("registryIds", seq(t.registryIDs.map { str($0.value) })), ("condition", str(t.condition)),
            ("phase", str(t.phase.rawValue)), ("design", design),
            ("countries", t.countries.isEmpty ? nil : seq(t.countries.map(str))), ("locations", t.locations.map(str)),
            ("enrollment", num(t.enrollment)), ("sponsor", t.sponsor.map(str)), ("publication", pub),
            ("status", str(t.status.rawValue)), ("startDate", t.startDate.map { str($0.description) }),
            ("completionDate", t.completionDate.map { str($0.description) }),
            ("protocolNumber", t.protocolNumber.map(str)), ("euTrialNumber", t.euTrialNumber.map(str)),
            ("sponsorContact", t.sponsorContact.map(str)), ("population", t.population.map(population)),
            ("eligibility", t.eligibility.map(eligibility)), ("followUpTrials", t.followUpTrials.map(str)),
        ])
    }

    private static func population(_ p: Population) -> Node {
        func counts(_ c: [Population.Count]) -> Node? {
            c.isEmpty ? nil : seq(c.map { flowMap([("label", str($0.label)), ("people", num($0.people))]) })
        }
        return map([("regions", counts(p.regions)), ("ageGroups", counts(p.ageGroups)), ("sexes", counts(p.sexes))])
    }

    private static func eligibility(_ e: Eligibility) -> Node {
        map([("inclusion", e.inclusion.isEmpty ? nil : seq(e.inclusion.map(str))),
             ("exclusion", e.exclusion.isEmpty ? nil : seq(e.exclusion.map(str)))])
    }

    private static func arm(_ a: Arm) -> Node {
        map([
            ("id", str(a.id)), ("label", str(a.label)), ("shortLabel", str(a.shortLabel)),
            ("description", rich(a.description)),
            ("interventions", seq(a.interventions.map { i in
                map([("name", str(i.name)), ("role", str(i.role.rawValue)), ("class", i.drugClass.map(str)),
                     ("dosing", i.dosing.map(str))])
            })),
            ("participants", a.participants.map(num)), ("control", a.isControl ? bool(true) : nil),
        ])
    }

    private static func outcome(_ o: Outcome) -> Node {
        let effect = o.effect.map { e in
            map([("measure", str(e.measure.rawValue)), ("value", plain(e.value.text)),
                 ("ci", e.ciLower.flatMap { lo in e.ciUpper.map { hi in flow([plain(lo.text), plain(hi.text)]) } }),
                 ("ciLevel", e.ciLevel == 95 ? nil : num(e.ciLevel)), ("p", e.pValue.map(str)), ("meaning", e.meaning.map(str))])
        }
        return map([
            ("id", str(o.id)), ("name", str(o.name)), ("label", str(o.label)), ("explanation", o.explanation.map(rich)),
            ("role", str(o.role.rawValue)), ("kind", str(o.kind.rawValue)), ("unit", str(o.unit)),
            ("direction", str(o.direction.rawValue)),
            ("values", o.values.isEmpty ? nil : map(o.values.map { ($0.arm, plain($0.value.text)) })),
            ("effect", effect), ("maturity", o.maturity.map(rich)), ("finding", o.finding.map(rich)),
            ("counts", o.counts.isEmpty ? nil : map(o.counts.map { c -> (String, Node?) in
                (c.arm, flowMap([("people", num(c.people)), ("of", num(c.of))])) })),
        ])
    }

    private static func section(_ s: Section) -> Node {
        map([("id", s.id == Slug.make(s.heading) ? nil : str(s.id)), ("kind", str(s.kind.rawValue)),
             ("heading", str(s.heading)), ("content", seq(s.blocks.map(block)))])
    }

    private static func block(_ b: Block) -> Node {
        switch b {
        case .paragraph(let r): map([("paragraph", rich(r))])
        case .list(let items): map([("list", seq(items.map(rich)))])
        case .subheading(let t): map([("subheading", str(t))])
        case .questionAnswer(let qa):
            map([("qa", map([("question", str(qa.question)), ("answer", paragraphs(qa.answer))]))])
        case .quote(let q): map([("quote", map([("text", paragraphs(q.paragraphs)), ("attribution", q.attribution.map(str))]))])
        case .outcome(let id): map([("outcome", str(id))])
        case .registryLink: map([("registry-link", bool(true))])
        }
    }

    private static func paragraphs(_ p: [RichText]) -> Node { p.count == 1 ? rich(p[0]) : seq(p.map(rich)) }

    // MARK: nodes

    /// Strings are always quoted, so `3`, `true` or `null`-like text stays text.
    private static func str(_ s: String) -> Node { .scalar(.init(s, Tag(.str), .doubleQuoted)) }
    private static func rich(_ r: RichText) -> Node { str(InlineWriter.source(r)) }
    private static func plain(_ s: String) -> Node { .scalar(.init(s, Tag(.implicit), .plain)) }
    private static func num(_ n: Int) -> Node { plain(String(n)) }
    private static func bool(_ b: Bool) -> Node { plain(b ? "true" : "false") }
    private static func seq(_ items: [Node]) -> Node { .sequence(.init(items, Tag(.implicit), .block)) }
    private static func flow(_ items: [Node]) -> Node { .sequence(.init(items, Tag(.implicit), .flow)) }
    private static func flowMap(_ pairs: [(String, Node)]) -> Node {
        .mapping(.init(pairs.map { (plain($0.0), $0.1) }, Tag(.implicit), .flow))
    }
    private static func map(_ pairs: [(String, Node?)]) -> Node {
        .mapping(.init(pairs.compactMap { k, v in v.map { (plain(k), $0) } }, Tag(.implicit), .block))
    }
}
