/// What the two-page brief handout leaves out of its usual content (source key `brief.leaveOut`), so an
/// editor can make a long summary's brief fit one sheet. Items are part names or outcome ids.
public struct BriefChoice: Sendable, Codable, Equatable {
    /// Parts of the brief an editor may drop; the title, disclaimer and web address always stay.
    public enum Part: String, Sendable, Codable, CaseIterable {
        case lead
        case keyFacts = "key-facts"
        case mainResult = "main-result"
        case sideEffects = "side-effects"
        case bottomLine = "bottom-line"
        case whatItMeans = "what-it-means"
    }

    public var leaveOutParts: [Part]
    /// Safety outcomes the side-effects part skips.
    public var leaveOutOutcomes: [String]

    public init(leaveOutParts: [Part] = [], leaveOutOutcomes: [String] = []) {
        self.leaveOutParts = leaveOutParts
        self.leaveOutOutcomes = leaveOutOutcomes
    }

    public var isEmpty: Bool { leaveOutParts.isEmpty && leaveOutOutcomes.isEmpty }
    public func leavesOut(_ p: Part) -> Bool { leaveOutParts.contains(p) }
}
