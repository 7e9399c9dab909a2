/// A node of inline rich text. Parsed once at load; exporters walk it and never re-parse source text.
public indirect enum Inline: Sendable, Codable, Equatable {
    case text(String)
    case emphasis([Inline])
    case strong([Inline])
    /// An absolute http(s) link.
    case link(url: String, children: [Inline])
    /// A reference to a glossary entry by id: `[text](glossary:id)`.
    case term(id: String, children: [Inline])

    public var plainText: String {
        switch self {
        case .text(let s): s
        case .emphasis(let c), .strong(let c), .link(_, let c), .term(_, let c): c.map(\.plainText).joined()
        }
    }
}
