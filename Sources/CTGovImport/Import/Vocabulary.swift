import TrialModel

/// ClinicalTrials.gov's enumerations mapped onto the model's. nil means the registry value has no counterpart:
/// the importer writes a draft and the cross-check lists the field as undecidable, never a guess.
enum Vocabulary {
    static func phase(_ phases: [String]?) -> Phase? {
        switch Set(phases ?? []) {
        case ["EARLY_PHASE1"], ["PHASE0"]: .phase0
        case ["PHASE1"]: .phase1
        case ["PHASE1", "PHASE2"]: .phase1And2
        case ["PHASE2"]: .phase2
        case ["PHASE2", "PHASE3"]: .phase2And3
        case ["PHASE3"]: .phase3
        case ["PHASE4"]: .phase4
        case ["NA"]: .notApplicable
        default: nil
        }
    }

    static func status(_ s: String?) -> TrialStatus? {
        switch s {
        case "NOT_YET_RECRUITING": .notYetRecruiting
        case "RECRUITING", "ENROLLING_BY_INVITATION": .recruiting
        case "ACTIVE_NOT_RECRUITING": .activeNotRecruiting
        case "COMPLETED": .completed
        case "TERMINATED": .terminated
        case "SUSPENDED": .suspended
        case "WITHDRAWN": .withdrawn
        default: nil  // UNKNOWN (status not verified for two years), AVAILABLE and other expanded-access states
        }
    }

    /// The model's masking levels stop at triple-blind; QUADRUPLE (participant, care provider, investigator,
    /// outcomes assessor) is its closest, and is reported as such.
    static func masking(_ s: String?) -> Masking? {
        switch s {
        case "NONE": .openLabel
        case "SINGLE": .singleBlind
        case "DOUBLE": .doubleBlind
        case "TRIPLE", "QUADRUPLE": .tripleBlind
        default: nil
        }
    }

    /// RANDOMIZED → true; NON_RANDOMIZED and NA (one group) → false.
    static func randomized(_ s: String?) -> Bool? {
        switch s {
        case "RANDOMIZED": true
        case "NON_RANDOMIZED", "NA": false
        default: nil
        }
    }

    static let controlArmTypes: Set<String> = ["PLACEBO_COMPARATOR", "ACTIVE_COMPARATOR", "SHAM_COMPARATOR", "NO_INTERVENTION"]

    static func effectMeasure(_ paramType: String?) -> Effect.Measure? {
        let t = (paramType ?? "").lowercased()
        if t.contains("hazard ratio") { return .hazardRatio }
        if t.contains("odds ratio") { return .oddsRatio }
        if t.contains("risk ratio") || t.contains("relative risk") { return .riskRatio }
        if t.contains("difference") { return .difference }
        return nil
    }

    /// A title for matching: lower case, without list numbering ("1 Placebo", "2. Repaglinide") and extra spaces.
    static func matchKey(_ title: String) -> String {
        let words = TextRepair.line(title).text.lowercased().split(separator: " ")
        let dropped = words.first.map { w in w.allSatisfy { $0.isNumber || $0 == "." || $0 == ")" } } == true ? words.dropFirst() : words[...]
        return dropped.joined(separator: " ")
    }
}
