/// Recruitment and completion status, in ClinicalTrials.gov's vocabulary.
public enum TrialStatus: String, Sendable, Codable, CaseIterable {
    case notYetRecruiting = "not-yet-recruiting"
    case recruiting
    case activeNotRecruiting = "active-not-recruiting"
    case completed
    case terminated
    case suspended
    case withdrawn

    public var title: String {
        switch self {
        case .notYetRecruiting: "Not yet recruiting"
        case .recruiting: "Recruiting"
        case .activeNotRecruiting: "Active, not recruiting"
        case .completed: "Completed"
        case .terminated: "Terminated"
        case .suspended: "Suspended"
        case .withdrawn: "Withdrawn"
        }
    }
}
