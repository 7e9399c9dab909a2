/// Recruitment and completion status, in ClinicalTrials.gov's vocabulary.
public enum TrialStatus: String, Sendable, Codable, CaseIterable {
    case notYetRecruiting = "not-yet-recruiting"
    case recruiting
    case activeNotRecruiting = "active-not-recruiting"
    case completed
    case terminated
    case suspended
    case withdrawn

    public var title: String { title(in: .english) }

    public func title(in words: Messages) -> String {
        switch self {
        case .notYetRecruiting: words[.statusNotYetRecruiting]
        case .recruiting: words[.statusRecruiting]
        case .activeNotRecruiting: words[.statusActiveNotRecruiting]
        case .completed: words[.statusCompleted]
        case .terminated: words[.statusTerminated]
        case .suspended: words[.statusSuspended]
        case .withdrawn: words[.statusWithdrawn]
        }
    }
}
