/// A run of inline content: what a paragraph, list item or definition holds.
public struct RichText: Sendable, Codable, Equatable, ExpressibleByStringLiteral {
    public var inlines: [Inline]

    public init(_ inlines: [Inline]) { self.inlines = inlines }

    /// Plain text with no markup, taken verbatim (not parsed).
    public init(_ plain: String) { self.inlines = plain.isEmpty ? [] : [.text(plain)] }

    public init(stringLiteral value: String) { self.init(value) }

    public var plainText: String { inlines.map(\.plainText).joined() }
    public var isEmpty: Bool { inlines.isEmpty }

    /// Every link URL, in reading order.
    public var links: [String] { collect { if case .link(let url, _) = $0 { url } else { nil } } }

    /// Every glossary id referenced, in reading order.
    public var termReferences: [String] { collect { if case .term(let id, _) = $0 { id } else { nil } } }

    /// Values picked from every node, depth first, in reading order.
    private func collect(_ pick: (Inline) -> String?) -> [String] {
        var out: [String] = []
        func walk(_ nodes: [Inline]) {
            for n in nodes {
                if let v = pick(n) { out.append(v) }
                switch n {
                case .text: break
                case .emphasis(let c), .strong(let c), .link(_, let c), .term(_, let c): walk(c)
                }
            }
        }
        walk(inlines)
        return out
    }
}
