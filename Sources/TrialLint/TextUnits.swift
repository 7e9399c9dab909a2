import TrialModel

/// One paragraph-like piece of patient-facing text, with the source field it came from so findings can be
/// located. Glossary definitions are not patient-facing text in this sense (they explain; rules do not apply).
struct TextUnit {
    /// Where the unit is, spelled as a field path only for a finding (most units have none: joining every path
    /// up front was a third of listing the units).
    enum Place {
        case lead
        case block(section: Int, block: Int, Leaf)
        case arm(Int)
        case outcome(Int, String)
    }

    enum Leaf {
        case paragraph, question
        case list(Int), answer(Int), quote(Int)
    }

    var place: Place
    /// Index of the section it belongs to; nil for the lead, arms and outcomes.
    var section: Int?
    var rich: RichText
    /// The plain text, worked out once: every check reads it.
    let plain: String

    init(_ place: Place, section: Int?, rich: RichText) {
        self.place = place
        self.section = section
        self.rich = rich
        plain = rich.plainText
    }

    var isLead: Bool { if case .lead = place { true } else { false } }

    /// Field path as diagnostics name it, e.g. `sections[3].content[1].list[2]`.
    var field: String {
        switch place {
        case .lead: return "lead"
        case .arm(let i): return "arms[\(i)].description"
        case .outcome(let i, let part): return "outcomes[\(i)].\(part)"
        case .block(let i, let j, let leaf):
            let base = "sections[\(i)].content[\(j)]"
            switch leaf {
            case .paragraph: return "\(base).paragraph"
            case .question: return "\(base).qa.question"
            case .list(let k): return "\(base).list[\(k)]"
            case .answer(let k): return "\(base).qa.answer[\(k)]"
            case .quote(let k): return "\(base).quote.text[\(k)]"
            }
        }
    }

    /// Every unit in reading order: lead, sections (with their blocks; an outcome's explanation, finding and
    /// maturity note where the section places it), then arm descriptions and outcomes no section places.
    static func all(in s: Summary) -> [TextUnit] {
        var out = [TextUnit(.lead, section: nil, rich: s.lead)]
        var placed = Set<Int>()
        for (i, section) in s.sections.enumerated() {
            for (j, block) in section.blocks.enumerated() {
                func at(_ leaf: Leaf) -> Place { .block(section: i, block: j, leaf) }
                switch block {
                case .paragraph(let r): out.append(TextUnit(at(.paragraph), section: i, rich: r))
                case .list(let items):
                    for (k, r) in items.enumerated() { out.append(TextUnit(at(.list(k)), section: i, rich: r)) }
                case .questionAnswer(let qa):
                    out.append(TextUnit(at(.question), section: i, rich: RichText(qa.question)))
                    for (k, r) in qa.answer.enumerated() { out.append(TextUnit(at(.answer(k)), section: i, rich: r)) }
                case .quote(let q):
                    for (k, r) in q.paragraphs.enumerated() { out.append(TextUnit(at(.quote(k)), section: i, rich: r)) }
                case .outcome(let id):
                    // An outcome's texts are read where its chart is placed.
                    if let k = s.outcomes.firstIndex(where: { $0.id == id }), placed.insert(k).inserted {
                        out += outcomeUnits(s.outcomes[k], index: k, section: i)
                    }
                case .subheading, .registryLink: break
                }
            }
        }
        for (i, a) in s.arms.enumerated() { out.append(TextUnit(.arm(i), section: nil, rich: a.description)) }
        for (i, o) in s.outcomes.enumerated() where !placed.contains(i) { out += outcomeUnits(o, index: i, section: nil) }
        return out
    }

    private static func outcomeUnits(_ o: Outcome, index i: Int, section: Int?) -> [TextUnit] {
        var out: [TextUnit] = []
        if let e = o.explanation { out.append(TextUnit(.outcome(i, "explanation"), section: section, rich: e)) }
        if let f = o.finding { out.append(TextUnit(.outcome(i, "finding"), section: section, rich: f)) }
        if let m = o.maturity { out.append(TextUnit(.outcome(i, "maturity"), section: section, rich: m)) }
        return out
    }
}
