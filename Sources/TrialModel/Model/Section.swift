/// One titled part of a summary, in source order.
public struct Section: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case whoFor = "who-for"
        case explainer
        case trialType = "trial-type"
        case background
        case design
        case patientStory = "patient-story"
        case results
        case questionAndAnswer = "question-and-answer"
        case bottomLine = "bottom-line"
        case whatItMeans = "what-it-means"
        case expertView = "expert-view"
        case disclaimer
    }

    /// Anchor slug, unique within the summary (used for links, bookmarks and EPUB ids).
    public var id: String
    public var kind: Kind
    public var heading: String
    public var blocks: [Block]

    public init(id: String, kind: Kind, heading: String, blocks: [Block]) {
        self.id = id
        self.kind = kind
        self.heading = heading
        self.blocks = blocks
    }
}
