/// The site's seven categories, in the order the site lists them.
public enum Category: String, Sendable, Codable, CaseIterable, Comparable {
    case understandingTheDisease = "Understanding the disease"
    case findingCancerEarlier = "Finding cancer earlier"
    case preventingRecurrence = "Preventing recurrence"
    case treatingTheCancer = "Treating the cancer"
    case feelingBetterDuringTreatment = "Feeling better during treatment"
    case firstStepsInHumans = "First steps in humans"
    case howWeMakeDecisions = "How we make decisions"

    public var title: String { rawValue }

    public func title(in words: Messages) -> String {
        switch self {
        case .understandingTheDisease: words[.categoryUnderstanding]
        case .findingCancerEarlier: words[.categoryFindingEarlier]
        case .preventingRecurrence: words[.categoryPreventingRecurrence]
        case .treatingTheCancer: words[.categoryTreating]
        case .feelingBetterDuringTreatment: words[.categoryFeelingBetter]
        case .firstStepsInHumans: words[.categoryFirstSteps]
        case .howWeMakeDecisions: words[.categoryDecisions]
        }
    }
    /// Position in the site's navigation; collections are grouped in this order.
    public var siteOrder: Int { Category.allCases.firstIndex(of: self)! }
    public static func < (a: Category, b: Category) -> Bool { a.siteOrder < b.siteOrder }
}
