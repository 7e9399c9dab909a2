/// A term patients may not know, with a plain definition.
public struct GlossaryEntry: Sendable, Codable, Equatable {
    /// Slug used by term references in rich text: `[text](glossary:id)`.
    public var id: String
    public var term: String
    public var definition: RichText

    public init(id: String, term: String, definition: RichText) {
        self.id = id
        self.term = term
        self.definition = definition
    }
}
