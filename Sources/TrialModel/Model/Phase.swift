/// Trial phase. Combined phases (I/II, II/III) are common in oncology.
public enum Phase: String, Sendable, Codable, CaseIterable {
    case phase0 = "0"
    case phase1 = "1"
    case phase1And2 = "1/2"
    case phase2 = "2"
    case phase2And3 = "2/3"
    case phase3 = "3"
    case phase4 = "4"
    /// Trials without drug phases (devices, behavioural interventions): ClinicalTrials.gov's `NA`.
    case notApplicable = "not-applicable"

    /// As patients see it on the site: "Phase III".
    public var title: String { title(in: .english) }

    public func title(in words: Messages) -> String {
        if self == .notApplicable { return words[.phaseNotApplicable] }
        let roman = ["0": "0", "1": "I", "2": "II", "3": "III", "4": "IV"]
        return words.text(.phaseTitle, rawValue.split(separator: "/").map { roman[String($0)]! }.joined(separator: "/"))
    }
}
