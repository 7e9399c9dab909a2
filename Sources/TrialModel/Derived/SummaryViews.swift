/// Views derived from a summary, computed once at load and shared by every exporter.
public struct SummaryViews: Sendable, Equatable {
    /// One per outcome with values, in outcome order.
    public var charts: [ChartSeries]
    public var readingTime: ReadingTime
    public var keyFacts: KeyFacts
    /// Glossary entries the text actually refers to, in first-use order.
    public var usedGlossary: [GlossaryEntry]
    /// The outcome that stands for the trial's result (key facts, digest, brief).
    public var mainOutcome: String?
    /// What the full formats render, in order; `brief` is the two-page handout's selection of it.
    public var plan: ContentPlan
    public var brief: ContentPlan
    /// The tool's own words in the summary's language.
    public var words: Messages

    public static func == (a: SummaryViews, b: SummaryViews) -> Bool {
        a.charts == b.charts && a.readingTime == b.readingTime && a.keyFacts == b.keyFacts && a.usedGlossary == b.usedGlossary
            && a.mainOutcome == b.mainOutcome && a.plan == b.plan && a.brief == b.brief && a.words.language == b.words.language
    }

    public init(_ s: Summary) {
        let w = Messages.for(tag: s.language)
        words = w
        charts = s.outcomes.compactMap { ChartSeries(outcome: $0, arms: s.arms, words: w) }
        let words = s.allText.reduce(0) { $0 + ReadingTime.countWords($1) }
        readingTime = ReadingTime(words: words)
        let main = SummaryViews.mainOutcome(s)
        mainOutcome = main?.id
        keyFacts = KeyFacts(summary: s, main: main, words: w)
        plan = ContentPlan.full(s)
        brief = ContentPlan.brief(s, mainOutcome: main?.id)
        var seen = Set<String>()
        var refs: [String] = []
        func note(_ r: RichText?) { for id in r?.termReferences ?? [] where seen.insert(id).inserted { refs.append(id) } }
        note(s.lead)
        for a in s.arms { note(a.description) }
        for o in s.outcomes { note(o.explanation); note(o.finding); note(o.maturity) }
        for sec in s.sections {
            for b in sec.blocks {
                switch b {
                case .paragraph(let r): note(r)
                case .list(let items): items.forEach(note)
                case .questionAnswer(let qa): qa.answer.forEach(note)
                case .quote(let q): q.paragraphs.forEach(note)
                case .subheading, .outcome, .registryLink: break
                }
            }
        }
        usedGlossary = refs.compactMap { s.glossaryEntry($0) }
    }

    public func chart(for outcomeID: String) -> ChartSeries? { charts.first { $0.outcomeID == outcomeID } }

    /// Every number the summary states through its model (enrolment, each arm's value, effects with their
    /// confidence limits, natural frequencies) as text: what each full format must print.
    public func statedNumbers(_ s: Summary) -> [String] {
        var out = [words.integer(s.trial.enrollment)]
        for id in plan.outcomeIDs(in: s) {
            guard let chart = chart(for: id) else { continue }
            for bar in chart.bars {
                out.append(bar.valueText)
                if let f = bar.frequency { out.append(f.peopleText(in: words)) }
            }
            if let e = s.outcome(id)?.effect {
                out.append(words.decimal(e.value))
                out += [e.ciLower, e.ciUpper].compactMap { $0.map(words.decimal) }
            }
        }
        var seen = Set<String>()
        return out.filter { seen.insert($0).inserted }
    }

    /// The first primary outcome with results, else the first primary outcome (its maturity note), else the
    /// first outcome with results.
    public static func mainOutcome(_ s: Summary) -> Outcome? {
        s.outcomes.first { $0.role == .primary && !$0.values.isEmpty }
            ?? s.outcomes.first { $0.role == .primary }
            ?? s.outcomes.first { !$0.values.isEmpty }
    }
}
