/// A translated summary (`translationOf: <id>`) may change every word but no result: its enrolment, arms,
/// outcomes, values, effects, counts and trial facts must equal the original's. Checked after the whole library
/// is loaded, located in the translation's source by field path.
public enum TranslationCheck {
    /// Problems with `translation` against `original` (nil: the original is not in the library).
    public static func problems(_ translation: Summary, original: Summary?, file: String, yaml: String) -> [Diagnostic] {
        let positions = FieldPositions(yaml: yaml)
        var out: [Diagnostic] = []
        func report(_ path: String, _ message: String) {
            let p = positions.position(of: path)
            out.append(Diagnostic(.error, file: file, line: p.line, column: p.column, field: path, message: message))
        }
        guard let id = translation.translationOf else { return [] }
        guard let o = original else {
            report("translationOf", "translates '\(id)', which is not a summary in this library"); return out
        }
        if o.translationOf != nil {
            report("translationOf", "'\(id)' is itself a translation (of '\(o.translationOf!)'); point to the original")
        }
        if id == translation.id { report("translationOf", "a summary cannot be a translation of itself") }
        if Language(tag: o.language) == Language(tag: translation.language) {
            report("language", "is '\(translation.language)', the language of the original '\(id)' too; a translation is in another language")
        }
        func same<T: Equatable>(_ path: String, _ what: String, _ mine: T, _ theirs: T, show: (T) -> String = { "\($0)" }) {
            if mine != theirs { report(path, "\(what) is \(show(mine)) here but \(show(theirs)) in the original '\(id)'; a translation keeps every number") }
        }
        let t = translation.trial, ot = o.trial
        same("trial.enrollment", "enrolment", t.enrollment, ot.enrollment)
        same("trial.phase", "the phase", t.phase.rawValue, ot.phase.rawValue)
        same("trial.status", "the status", t.status.rawValue, ot.status.rawValue)
        same("trial.registryIds", "the registry ids", t.registryIDs.map(\.value), ot.registryIDs.map(\.value))
        same("trial.design", "the design", t.design, ot.design) { KeyFacts.design($0) }
        same("trial.publication.year", "the publication year", t.publication?.year, o.trial.publication?.year) { $0.map(String.init) ?? "none" }
        if let p = t.population, let op = ot.population {
            same("trial.population", "the participant counts", [p.regions, p.ageGroups, p.sexes].map { $0.map(\.people) },
                 [op.regions, op.ageGroups, op.sexes].map { $0.map(\.people) })
        } else if (t.population == nil) != (ot.population == nil) {
            report("trial", "the participant breakdown (population) must be given in both the translation and the original '\(id)', or in neither")
        }
        same("arms", "the arm ids", translation.arms.map(\.id), o.arms.map(\.id)) { $0.joined(separator: ", ") }
        for (i, arm) in translation.arms.enumerated() {
            guard let oa = o.arm(arm.id) else { continue }
            same("arms[\(i)].participants", "the number of participants", arm.participants, oa.participants) { $0.map(String.init) ?? "none" }
            same("arms[\(i)].control", "whether it is the control group", arm.isControl, oa.isControl)
        }
        same("outcomes", "the outcome ids", translation.outcomes.map(\.id), o.outcomes.map(\.id)) { $0.joined(separator: ", ") }
        for (i, out) in translation.outcomes.enumerated() {
            guard let oo = o.outcome(out.id) else { continue }
            let at = "outcomes[\(i)]"
            same("\(at).role", "the role", out.role.rawValue, oo.role.rawValue)
            same("\(at).kind", "the kind", out.kind.rawValue, oo.kind.rawValue)
            same("\(at).direction", "the direction", out.direction.rawValue, oo.direction.rawValue)
            same("\(at).unit", "whether the unit is %", out.unit == "%", oo.unit == "%")
            same("\(at).values", "the arms with values", out.values.map(\.arm), oo.values.map(\.arm)) { $0.joined(separator: ", ") }
            for v in out.values {
                guard let ov = oo.value(for: v.arm) else { continue }
                same("\(at).values.\(v.arm)", "the value", v.value.text, ov.text)
            }
            same("\(at).counts", "the counts", out.counts.map { "\($0.arm) \($0.people)/\($0.of)" },
                 oo.counts.map { "\($0.arm) \($0.people)/\($0.of)" }) { $0.joined(separator: ", ") }
            switch (out.effect, oo.effect) {
            case (nil, nil): break
            case (let e?, let oe?):
                same("\(at).effect.measure", "the effect measure", e.measure.rawValue, oe.measure.rawValue)
                same("\(at).effect.value", "the effect", e.value.text, oe.value.text)
                same("\(at).effect.ci", "the confidence interval", [e.ciLower?.text, e.ciUpper?.text], [oe.ciLower?.text, oe.ciUpper?.text]) {
                    $0.map { $0 ?? "none" }.joined(separator: "–")
                }
                same("\(at).effect.ciLevel", "the confidence level", e.ciLevel, oe.ciLevel)
                same("\(at).effect.p", "the p value", e.pValue, oe.pValue) { $0 ?? "none" }
            default:
                report("\(at).effect", "an effect must be given in both the translation and the original '\(id)', or in neither")
            }
        }
        return out
    }
}
