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

    /// The facts a full format shows with a link: found by role, never by their label in one language.
    public var publishedIn: Int?
    public var registryID: Int?

    init(summary s: Summary, main: Outcome?, words w: Messages) {
        let t = s.trial
        var f: [Fact] = [Fact(label: w[.factCondition], value: t.condition), Fact(label: w[.factPhase], value: t.phase.title(in: w))]
        f.append(Fact(label: w[.factDesign], value: KeyFacts.design(t.design, words: w)))
        f.append(Fact(label: w[.factPeople], value: w.plural(.people, t.enrollment)))
        let place = t.countries.isEmpty ? (t.locations ?? (t.design.international ? w[.multipleCountries] : nil))
                                        : t.countries.joined(separator: w[.listSeparator])
        f += KeyFacts.whoTookPart(t, words: w)
        if let place { f.append(Fact(label: w[.factWhere], value: place, inBrief: false)) }
        if let p = t.publication { publishedIn = f.count; f.append(Fact(label: w[.factPublishedIn], value: p.citation)) }
        registryID = f.count
        f.append(Fact(label: w[.factRegistryID], value: t.registryIDs.map(\.value).joined(separator: ", ")))
        f.append(Fact(label: w[.factStatus], value: t.status.title(in: w)))
        // Registry detail for the record, not for the two-page brief.
        f += KeyFacts.annexV(t, words: w).map { var fact = $0; fact.inBrief = false; return fact }
        facts = f
        mainResult = main.flatMap { $0.values.isEmpty ? nil : $0 }.map { o in
            let parts = o.values.map { v in "\(o.format(v.value, in: w)) (\(s.arm(v.arm)?.shortLabel ?? v.arm))" }
            let effect = o.effect.map { w.text(.mainResultEffect, w.inSentence($0.measure.title(in: w)), w.decimal($0.value)) } ?? ""
            return w.text(.mainResultSentence, o.name, parts.joined(separator: w[.versus]), effect)
        }
    }

    public static func design(_ d: TrialDesign, words w: Messages = .english) -> String {
        var parts: [String] = []
        parts.append(d.randomized ? (d.allocationRatio.map { w.text(.designRandomizedRatio, $0) } ?? w[.designRandomized])
                                  : w[.designNotRandomized])
        parts.append(d.masking.title(in: w))
        if d.placeboControlled { parts.append(w[.designPlaceboControlled]) }
        if d.multicenter { parts.append(w[.designMulticenter]) }
        if d.international { parts.append(w[.designInternational]) }
        return parts.joined(separator: w[.listSeparator])
    }
}
