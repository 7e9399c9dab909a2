/// Block-level content of a section. Exporters switch over it exhaustively, so a new kind fails to compile
/// until every format handles it.
public enum Block: Sendable, Codable, Equatable {
    case paragraph(RichText)
    case list([RichText])
    case subheading(String)
    case questionAnswer(QuestionAnswer)
    case quote(Quote)
    /// Where an outcome's result (chart, or maturity note) appears, referenced by outcome id.
    case outcome(String)
    /// A pointer to the trial's registry entry ("Look up this trial").
    case registryLink
}

public struct QuestionAnswer: Sendable, Codable, Equatable {
    public var question: String
    public var answer: [RichText]
    public init(question: String, answer: [RichText]) {
        self.question = question
        self.answer = answer
    }
}

/// Quoted words (a patient story, an expert's view) with who said them.
public struct Quote: Sendable, Codable, Equatable {
    public var paragraphs: [RichText]
    public var attribution: String?
    public init(paragraphs: [RichText], attribution: String? = nil) {
        self.paragraphs = paragraphs
        self.attribution = attribution
    }
}
