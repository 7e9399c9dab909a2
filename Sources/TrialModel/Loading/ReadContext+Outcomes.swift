import Yams

extension ReadContext {
    func outcomeList(_ v: YAMLValue) -> [Outcome]? {
        guard let items = v.list(limit: Limits.outcomes) else { return nil }
        var ids: [(String, YAMLValue)] = []
        let list = items.compactMap { item -> Outcome? in
            guard let o = outcome(item) else { return nil }
            if let idv = item.map(SummaryKeys.outcome.all)?.optional("id") { ids.append((o.id, idv)) }
            return o
        }
        unique(ids, what: "outcome")
        if !list.isEmpty, !list.contains(where: { $0.role == .primary }) {
            v.warning("no outcome has role primary; the first outcome with results stands in as the main result")
        }
        for o in list { outcomes[o.id] = o }
        return list
    }

    private func outcome(_ v: YAMLValue) -> Outcome? {
        guard let m = v.map(SummaryKeys.outcome.all) else { return nil }
        let id = m.required("id")?.slug()
        let name = m.required("name")?.text()
        let label = m.required("label")?.text()
        let explanation = rich(m.optional("explanation"))
        let role = m.required("role")?.choice(Outcome.Role.self)
        let kind = m.required("kind")?.choice(Outcome.Kind.self)
        let unitValue = m.required("unit")
        let unit = unitValue?.text()
        let direction = m.required("direction")?.choice(Outcome.Direction.self)
        let values = m.optional("values").flatMap { armValues($0, kind: kind, unit: unit) } ?? []
        let effect = m.optional("effect").flatMap(effect)
        let maturity = rich(m.optional("maturity"))
        let finding = rich(m.optional("finding"))
        let counts = m.optional("counts").flatMap { armCounts($0, values: values) } ?? []
        if let kind, let unit, let unitValue, kind == .percentage, unit != "%" {
            unitValue.error("a percentage outcome must have unit '%', not '\(unit)'")
        }
        if values.isEmpty && maturity == nil {
            v.error("outcome has neither values nor a maturity note; give one value per arm, or say why there are none")
        } else if !values.isEmpty, values.count != armIDs.count, let vv = m.optional("values") {
            let missing = armIDs.filter { a in !values.contains { $0.arm == a } }
            vv.error("needs one value per arm; missing: \(missing.joined(separator: ", "))")
        }
        guard let id, let name, let label, let role, let kind, let unit, let direction else { return nil }
        return Outcome(id: id, name: name, label: label, explanation: explanation, role: role, kind: kind, unit: unit,
                       direction: direction, values: values, effect: effect, maturity: maturity, finding: finding,
                       counts: counts)
    }

    /// `values: {arm-id: number, …}`, returned in arm order.
    private func armValues(_ v: YAMLValue, kind: Outcome.Kind?, unit: String?) -> [ArmValue]? {
        guard case .mapping(let mapping) = v.node else { v.error("expected a mapping of arm id to number"); return nil }
        if mapping.count > Limits.arms { v.error("has \(mapping.count) values; a trial has at most \(Limits.arms) arms"); return nil }
        var found: [String: DecimalNumber] = [:]
        for (k, n) in mapping {
            guard let key = k.string else { continue }
            let item = v.child(key, n)
            guard armIDs.contains(key) else {
                let hint = Suggest.closest(to: key, in: armIDs).map { "; did you mean '\($0)'?" } ?? ""
                YAMLValue(node: k, path: item.path, log: log).error("'\(key)' is not an arm of this trial (arms: \(armIDs.joined(separator: ", ")))\(hint)")
                continue
            }
            guard let d = item.decimal() else { continue }
            if kind == .percentage || unit == "%", !(0...100).contains(d.value) {
                item.error("percentage \(d.text) is outside 0–100")
            } else if d.value < 0, kind != nil, kind != .mean {
                item.error("\(d.text) is negative")
            }
            if found[key] != nil { item.error("duplicate value for arm '\(key)'") }
            found[key] = d
        }
        return armIDs.compactMap { a in found[a].map { ArmValue(arm: a, value: $0) } }
    }

    /// `counts: {arm-id: {people: 3, of: 97}, …}` in arm order; each arm's value must be their percentage,
    /// within the rounding the value shows.
    private func armCounts(_ v: YAMLValue, values: [ArmValue]) -> [ArmCount]? {
        guard case .mapping(let mapping) = v.node else { v.error("expected a mapping of arm id to {people, of}"); return nil }
        var found: [String: ArmCount] = [:]
        for (k, n) in mapping {
            guard let key = k.string else { continue }
            let item = v.child(key, n)
            guard armIDs.contains(key) else {
                YAMLValue(node: k, path: item.path, log: log).error("'\(key)' is not an arm of this trial (arms: \(armIDs.joined(separator: ", ")))")
                continue
            }
            guard let m = item.map(["people", "of"]) else { continue }
            let people = m.required("people")?.int(in: 0...10_000_000)
            let of = m.required("of")?.int(in: 1...10_000_000)
            guard let people, let of else { continue }
            if people > of { item.error("\(people) people out of \(of) is more than everyone") ; continue }
            let count = ArmCount(arm: key, people: people, of: of)
            if let shown = values.first(where: { $0.arm == key })?.value, !shown.agrees(with: count.percentage) {
                item.error("\(people) of \(of) is \(DecimalNumber(count.percentage, decimals: max(1, shown.decimals)).text)%, not the \(shown.text) given in values")
            }
            found[key] = count
        }
        return armIDs.compactMap { found[$0] }
    }

    private func effect(_ v: YAMLValue) -> Effect? {
        guard let m = v.map(SummaryKeys.effect.all) else { return nil }
        let measure = m.required("measure")?.choice(Effect.Measure.self)
        let valueNode = m.required("value")
        let value = valueNode?.decimal()
        var lower: DecimalNumber?, upper: DecimalNumber?
        if let ci = m.optional("ci"), let items = ci.list() {
            if items.count != 2 { ci.error("a confidence interval is a list of two numbers [lower, upper]") }
            else {
                lower = items[0].decimal(); upper = items[1].decimal()
                // Found by the loader fuzzer: with lower > upper, building the range below trapped.
                if let l = lower, let u = upper, l.value > u.value { ci.error("lower bound \(l.text) is above upper bound \(u.text)") }
                else if let l = lower, let u = upper, let x = value, !(l.value...u.value).contains(x.value) {
                    ci.error("the estimate \(x.text) lies outside its interval \(l.text)–\(u.text)")
                }
            }
        }
        let level = m.optional("ciLevel")?.int(in: 50...99) ?? 95
        let pValue = m.optional("p")
        let p = pValue?.text()
        if let p, let pValue {
            let digits = p.hasPrefix("<") || p.hasPrefix(">") ? String(p.dropFirst()) : p
            if let n = DecimalNumber(digits), (0...1).contains(n.value) {} else { pValue.error("'\(p)' is not a p-value like 0.0074 or <0.001") }
        }
        if let measure, let value, let valueNode, measure != .difference, value.value <= 0 {
            valueNode.error("a ratio must be above 0")
        }
        let meaning = m.optional("meaning")?.text()
        guard let measure, let value else { return nil }
        return Effect(measure: measure, value: value, ciLower: lower, ciUpper: upper, ciLevel: level, pValue: p, meaning: meaning)
    }
}
