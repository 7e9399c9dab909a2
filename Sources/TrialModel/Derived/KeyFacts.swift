/// The facts box at the top of every format, as label/value pairs in display order.
public struct KeyFacts: Sendable, Equatable {
    public struct Fact: Sendable, Equatable {
        public var label: String
        public var value: String
        /// Whether the two-page brief shows it (where the trial ran is left to the full handout).
        public var inBrief = true
    }

    public var facts: [Fact]
    /// The primary outcome in one sentence, e.g. "Median progression-free survival: 44.3 months with … vs …".
    public var mainResult: String?

    init(summary s: Summary, main: Outcome?) {
        let t = s.trial
        var f: [Fact] = [Fact(label: "Condition", value: t.condition), Fact(label: "Phase", value: t.phase.title)]
        f.append(Fact(label: "Design", value: KeyFacts.design(t.design)))
        f.append(Fact(label: "People", value: "\(NumberText.grouped(t.enrollment)) people"))
        let place = t.countries.isEmpty ? (t.locations ?? (t.design.international ? "Multiple countries" : nil))
                                        : t.countries.joined(separator: ", ")
        f += KeyFacts.whoTookPart(t)
        if let place { f.append(Fact(label: "Where", value: place, inBrief: false)) }
        if let p = t.publication { f.append(Fact(label: "Published in", value: p.citation)) }
        f.append(Fact(label: "Registry ID", value: t.registryIDs.map(\.value).joined(separator: ", ")))
        f.append(Fact(label: "Status", value: t.status.title))
        // Registry detail for the record, not for the two-page brief.
        f += KeyFacts.annexV(t).map { var fact = $0; fact.inBrief = false; return fact }
        facts = f
        mainResult = main.flatMap { $0.values.isEmpty ? nil : $0 }.map { o in
            let parts = o.values.map { v in "\(o.format(v.value)) (\(s.arm(v.arm)?.shortLabel ?? v.arm))" }
            return "\(o.name): " + parts.joined(separator: " vs ") + (o.effect.map { "; \($0.measure.title.lowercased()) \($0.value.text)" } ?? "") + "."
        }
    }

    public static func design(_ d: TrialDesign) -> String {
        var parts: [String] = []
        parts.append(d.randomized ? "Randomized" + (d.allocationRatio.map { " \($0)" } ?? "") : "Not randomized")
        parts.append(d.masking.rawValue)
        if d.placeboControlled { parts.append("placebo-controlled") }
        if d.multicenter { parts.append("multicenter") }
        if d.international { parts.append("international") }
        return parts.joined(separator: ", ")
    }
}
