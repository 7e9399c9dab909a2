import TrialModel

extension RecordComparison {
    func compareOutcomes(_ study: CTGovStudy) {
        let measures = study.resultsSection?.outcomeMeasuresModule?.outcomeMeasures ?? []
        let events = study.resultsSection?.adverseEventsModule?.eventGroups ?? []
        for (i, o) in summary.outcomes.enumerated() where !o.values.isEmpty {
            let path = "outcomes[\(i)]"
            if o.role == .safety {
                compareSafety(o, path: path, events: events)
                continue
            }
            let key = Vocabulary.matchKey(o.name)
            let matches = measures.filter { Vocabulary.matchKey($0.title) == key }
            guard matches.count == 1, let m = matches.first else {
                note("\(path).name", matches.isEmpty ? "no registry outcome measure is titled '\(o.name)'"
                     : "\(matches.count) registry outcome measures are titled '\(o.name)'")
                continue
            }
            switch MeasureValues.read(m, arms: summary.arms, kind: o.kind) {
            case .failure(let why): note("\(path).values", why.reason)
            case .success(let registry):
                for rv in registry {
                    guard let shown = o.value(for: rv.arm), !shown.agrees(with: rv.value.value) else { continue }
                    report(.error, "\(path).values.\(rv.arm)", "\(shown.text) but the record says \(rv.value.text) for this arm")
                }
            }
            if let e = o.effect { compareEffect(e, measure: m, path: "\(path).effect") }
        }
    }

    private func compareEffect(_ e: Effect, measure m: CTGovStudy.OutcomeMeasure, path: String) {
        switch MeasureValues.effect(m, arms: summary.arms) {
        case .failure(let why): note(path, why.reason)
        case .success(nil): note(path, "the record posts no ratio or difference for this measure")
        case .success(let r?):
            if r.measure != e.measure { report(.error, "\(path).measure", "\(e.measure.rawValue) but the record's analysis is a \(r.measure.rawValue)") }
            if !e.value.agrees(with: r.value.value) { report(.error, "\(path).value", "\(e.value.text) but the record says \(r.value.text)") }
            if let lo = e.ciLower, let hi = e.ciUpper {
                if let rlo = r.ciLower, let rhi = r.ciUpper {
                    if !lo.agrees(with: rlo.value) || !hi.agrees(with: rhi.value) {
                        report(.error, "\(path).ci", "[\(lo.text), \(hi.text)] but the record says [\(rlo.text), \(rhi.text)]")
                    }
                    if e.ciLevel != r.ciLevel { report(.error, "\(path).ciLevel", "\(e.ciLevel)% but the record's interval is \(r.ciLevel)%") }
                } else { note("\(path).ci", "the record posts no usable two-sided interval") }
            }
        }
    }

    /// Safety percentages are recomputed from the record's counts (affected / at risk) for every arm.
    private func compareSafety(_ o: Outcome, path: String, events: [CTGovStudy.AdverseEvents.EventGroup]) {
        let key = Vocabulary.matchKey(o.name)
        let serious: Bool
        if key.contains("serious") { serious = true }
        else if key.contains("other") || key.contains("non-serious") { serious = false }
        else { note("\(path).name", "cannot tell whether '\(o.name)' is the serious or the other adverse events"); return }
        guard !events.isEmpty else { note(path, "the record posts no adverse events"); return }
        guard o.kind == .percentage else { note("\(path).kind", "only percentages are recomputed from the counts"); return }
        switch GroupMatcher(arms: summary.arms).match(events.map { ($0.id, $0.title) }) {
        case .failure(let why): note("\(path).values", why.reason)
        case .success(let mapping):
            for g in events {
                guard let arm = mapping[g.id], let shown = o.value(for: arm) else { continue }
                let affected = serious ? g.seriousNumAffected : g.otherNumAffected
                let atRisk = serious ? g.seriousNumAtRisk : g.otherNumAtRisk
                guard let a = affected, let n = atRisk, n > 0 else { note("\(path).values.\(arm)", "the record gives no counts for \(g.id)"); continue }
                if let c = o.counts.first(where: { $0.arm == arm }), (c.people, c.of) != (a, n) {
                    report(.error, "\(path).counts.\(arm)", "\(c.people) of \(c.of) but the record counts \(a) of \(n)")
                }
                let exact = Double(a) * 100 / Double(n)
                if !shown.agrees(with: exact) {
                    report(.error, "\(path).values.\(arm)", "\(shown.text)% but the record's counts give \(SafetyPercent.of(a, n).text)% (\(a) of \(n))")
                }
            }
        }
    }
}
