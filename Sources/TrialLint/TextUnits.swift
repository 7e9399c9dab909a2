import TrialModel

/// One paragraph-like piece of patient-facing text, with the source field it came from so findings can be
/// located. Glossary definitions are not patient-facing text in this sense (they explain; rules do not apply).
struct TextUnit {
    /// Field path as diagnostics name it, e.g. `sections[3].content[1].list[2]`.
    var field: String
    /// Index of the section it belongs to; nil for the lead, arms and outcomes.
    var section: Int?
    var rich: RichText
    /// The plain text, worked out once: every check reads it.
    let plain: String

    init(field: String, section: Int?, rich: RichText) {
        self.field = field
        self.section = section
        self.rich = rich
        plain = rich.plainText
    }

    /// Every unit in reading order: lead, sections (with their blocks; an outcome's explanation, finding and
    /// maturity note where the section places it), then arm descriptions and outcomes no section places.
    static func all(in s: Summary) -> [TextUnit] {
        var out = [TextUnit(field: "lead", section: nil, rich: s.lead)]
        var placed = Set<Int>()
        for (i, section) in s.sections.enumerated() {
            for (j, block) in section.blocks.enumerated() {
                let base = "sections[\(i)].content[\(j)]"
                switch block {
                case .paragraph(let r): out.append(TextUnit(field: "\(base).paragraph", section: i, rich: r))
                case .list(let items):
                    for (k, r) in items.enumerated() { out.append(TextUnit(field: "\(base).list[\(k)]", section: i, rich: r)) }
                case .questionAnswer(let qa):
                    out.append(TextUnit(field: "\(base).qa.question", section: i, rich: RichText(qa.question)))
                    for (k, r) in qa.answer.enumerated() { out.append(TextUnit(field: "\(base).qa.answer[\(k)]", section: i, rich: r)) }
                case .quote(let q):
                    for (k, r) in q.paragraphs.enumerated() { out.append(TextUnit(field: "\(base).quote.text[\(k)]", section: i, rich: r)) }
                case .outcome(let id):
                    // An outcome's texts are read where its chart is placed.
                    if let k = s.outcomes.firstIndex(where: { $0.id == id }), placed.insert(k).inserted {
                        out += outcomeUnits(s.outcomes[k], index: k, section: i)
                    }
                case .subheading, .registryLink: break
                }
            }
        }
        for (i, a) in s.arms.enumerated() { out.append(TextUnit(field: "arms[\(i)].description", section: nil, rich: a.description)) }
        for (i, o) in s.outcomes.enumerated() where !placed.contains(i) { out += outcomeUnits(o, index: i, section: nil) }
        return out
    }

    private static func outcomeUnits(_ o: Outcome, index i: Int, section: Int?) -> [TextUnit] {
        var out: [TextUnit] = []
        if let e = o.explanation { out.append(TextUnit(field: "outcomes[\(i)].explanation", section: section, rich: e)) }
        if let f = o.finding { out.append(TextUnit(field: "outcomes[\(i)].finding", section: section, rich: f)) }
        if let m = o.maturity { out.append(TextUnit(field: "outcomes[\(i)].maturity", section: section, rich: m)) }
        return out
    }
}
