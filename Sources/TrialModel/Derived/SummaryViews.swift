/// Views derived from a summary, computed once at load and shared by every exporter.
public struct SummaryViews: Sendable, Equatable {
    /// One per outcome with values, in outcome order.
    public var charts: [ChartSeries]
    public var readingTime: ReadingTime
    public var keyFacts: KeyFacts
    /// Glossary entries the text actually refers to, in first-use order.
    public var usedGlossary: [GlossaryEntry]

    public init(_ s: Summary) {
        charts = s.outcomes.compactMap { ChartSeries(outcome: $0, arms: s.arms) }
        let words = s.allText.reduce(0) { $0 + ReadingTime.countWords($1) }
        readingTime = ReadingTime(words: words)
        keyFacts = KeyFacts(summary: s)
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
}
