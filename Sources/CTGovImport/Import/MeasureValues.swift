import Foundation
import TrialModel

/// Reads one value per arm from an outcome measure, and its effect estimate, only where the record leaves no
/// choice: one class, one category, every group matched to an arm, every value a number, one unit.
enum MeasureValues {
    struct Undecidable: Error { var reason: String }

    static func read(_ m: CTGovStudy.OutcomeMeasure, arms: [Arm], kind: Outcome.Kind) -> Result<[ArmValue], Undecidable> {
        let groups = m.groups ?? []
        guard !groups.isEmpty else { return .failure(.init(reason: "the measure has no groups")) }
        let mapping: [String: String]
        switch GroupMatcher(arms: arms).match(groups.map { ($0.id, $0.title) }) {
        case .failure(let why): return .failure(.init(reason: why.reason))
        case .success(let map): mapping = map
        }
        var unitOfGroup: [String: String] = [:]
        for d in m.denoms ?? [] { for c in d.counts ?? [] where unitOfGroup[c.groupId] == nil { unitOfGroup[c.groupId] = d.units ?? "" } }
        if Set(unitOfGroup.values).count > 1 {
            let listed = groups.map { "\($0.id): \(unitOfGroup[$0.id] ?? "?")" }.joined(separator: ", ")
            return .failure(.init(reason: "groups are counted in different units (\(listed)), so their values do not compare"))
        }
        let classes = m.classes ?? []
        let categories = classes.flatMap { $0.categories ?? [] }
        guard classes.count == 1, categories.count == 1 else {
            let titles = classes.compactMap(\.title) + categories.compactMap(\.title)
            return .failure(.init(reason: "the registry reports \(max(classes.count, categories.count)) rows (time points or categories\(titles.isEmpty ? "" : ": " + titles.prefix(4).joined(separator: "; "))); choose one"))
        }
        var found: [String: DecimalNumber] = [:]
        for x in categories[0].measurements ?? [] {
            guard let arm = mapping[x.groupId] else { continue }
            guard let v = x.value.flatMap(DecimalNumber.init) else {
                return .failure(.init(reason: "group \(x.groupId) has the value '\(x.value ?? "")'\(x.comment.map { " (\($0))" } ?? ""), not a number"))
            }
            if kind == .percentage, !(0...100).contains(v.value) {
                return .failure(.init(reason: "group \(x.groupId) has \(v.text), outside 0–100 for a percentage"))
            }
            if kind != .mean, v.value < 0 { return .failure(.init(reason: "group \(x.groupId) has a negative \(kind.rawValue) \(v.text)")) }
            found[arm] = v
        }
        guard arms.allSatisfy({ found[$0.id] != nil }) else {
            return .failure(.init(reason: "not every arm has a measurement"))
        }
        return .success(arms.map { ArmValue(arm: $0.id, value: found[$0.id]!) })
    }

    /// The one analysis comparing two arms with a ratio or difference; several are a choice for an editor.
    static func effect(_ m: CTGovStudy.OutcomeMeasure, arms: [Arm]) -> Result<Effect?, Undecidable> {
        let analyses = (m.analyses ?? []).filter { Vocabulary.effectMeasure($0.paramType) != nil }
        guard !analyses.isEmpty else { return .success(nil) }
        guard arms.count == 2 else {
            return .failure(.init(reason: "an effect compares two arms and this trial has \(arms.count); choose the comparison"))
        }
        guard analyses.count == 1, let a = analyses.first, let measure = Vocabulary.effectMeasure(a.paramType) else {
            return .failure(.init(reason: "\(analyses.count) statistical analyses; choose one"))
        }
        guard let value = a.paramValue.flatMap(DecimalNumber.init) else {
            return .failure(.init(reason: "the analysis value '\(a.paramValue ?? "")' is not a number"))
        }
        if measure != .difference, value.value <= 0 { return .failure(.init(reason: "the ratio \(value.text) is not above 0")) }
        var lower = a.ciLowerLimit.flatMap(DecimalNumber.init)
        var upper = a.ciUpperLimit.flatMap(DecimalNumber.init)
        let level = a.ciPctValue.flatMap { Int(TextRepair.line($0).text) ?? DecimalNumber($0).map { Int($0.value) } }
        if lower == nil || upper == nil || level == nil || !(50...99).contains(level!) || a.ciNumSides == "ONE_SIDED"
            || !(lower!.value...upper!.value).contains(value.value) {
            lower = nil; upper = nil
        }
        let p = a.pValue.map { TextRepair.line($0).text.replacingOccurrences(of: " ", with: "") }.flatMap { p -> String? in
            let digits = p.hasPrefix("<") || p.hasPrefix(">") ? String(p.dropFirst()) : p
            return DecimalNumber(digits).map { (0...1).contains($0.value) } == true ? p : nil
        }
        return .success(Effect(measure: measure, value: value, ciLower: lower, ciUpper: upper,
                               ciLevel: lower == nil ? 95 : level!, pValue: p))
    }
}
