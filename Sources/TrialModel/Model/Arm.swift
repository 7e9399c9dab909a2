/// One group of people in the trial and what they received.
public struct Arm: Sendable, Codable, Equatable {
    public var id: String
    /// Full label, e.g. "Palbociclib + anti-HER2 therapy + endocrine therapy".
    public var label: String
    /// Label for charts and tight spaces, e.g. "Palbociclib group".
    public var shortLabel: String
    public var description: RichText
    public var interventions: [Intervention]
    /// People assigned to this arm, when the summary gives it.
    public var participants: Int?
    public var isControl: Bool

    public init(id: String, label: String, shortLabel: String, description: RichText, interventions: [Intervention],
                participants: Int? = nil, isControl: Bool = false) {
        self.id = id
        self.label = label
        self.shortLabel = shortLabel
        self.description = description
        self.interventions = interventions
        self.participants = participants
        self.isControl = isControl
    }
}
