/// A run of inline content: what a paragraph, list item or definition holds.
public struct RichText: Sendable, Codable, Equatable, ExpressibleByStringLiteral {
    public var inlines: [Inline]

    public init(_ inlines: [Inline]) { self.inlines = inlines }

    /// Plain text with no markup, taken verbatim (not parsed).
    public init(_ plain: String) { self.inlines = plain.isEmpty ? [] : [.text(plain)] }

    public init(stringLiteral value: String) { self.init(value) }

    public var plainText: String { inlines.map(\.plainText).joined() }
    public var isEmpty: Bool { inlines.isEmpty }

    /// Every link URL, depth first, in reading order.
    public var links: [String] {
        var out: [String] = []
        func walk(_ nodes: [Inline]) {
            for n in nodes {
                switch n {
                case .text: break
                case .emphasis(let c), .strong(let c), .term(_, let c): walk(c)
                case .link(let url, let c): out.append(url); walk(c)
                }
            }
        }
        walk(inlines)
        return out
    }

    /// Every glossary id referenced, in reading order.
    public var termReferences: [String] {
        var out: [String] = []
        func walk(_ nodes: [Inline]) {
            for n in nodes {
                switch n {
                case .text: break
                case .emphasis(let c), .strong(let c), .link(_, let c): walk(c)
                case .term(let id, let c): out.append(id); walk(c)
                }
            }
        }
        walk(inlines)
        return out
    }
}
