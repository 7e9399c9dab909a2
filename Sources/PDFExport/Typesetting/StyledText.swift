import TrialModel

/// Text with styled byte ranges, built straight from the rich-text tree (never from markup strings),
/// ready to become a Pango attribute list. Offsets are UTF-8 byte offsets, as Pango wants.
struct StyledText {
    enum Style: Equatable {
        case bold, italic
        case colour(RGB)
        case underline
    }

    private(set) var text = ""
    private(set) var styles: [(range: Range<Int>, style: Style)] = []
    /// Link targets with the bytes they cover; each becomes a PDF link annotation.
    private(set) var links: [(range: Range<Int>, url: String)] = []

    init() {}

    init(_ plain: String, _ styles: Style...) {
        append(plain, styles)
    }

    var isEmpty: Bool { text.isEmpty }

    mutating func append(_ s: String, _ styles: Style...) { append(s, styles) }

    mutating func append(_ s: String, _ styles: [Style]) {
        let start = text.utf8.count
        text += s
        let range = start..<text.utf8.count
        for st in styles where !range.isEmpty { self.styles.append((range, st)) }
    }

    mutating func append(_ other: StyledText) {
        let shift = text.utf8.count
        text += other.text
        styles += other.styles.map { ($0.range.lowerBound + shift..<$0.range.upperBound + shift, $0.style) }
        links += other.links.map { ($0.range.lowerBound + shift..<$0.range.upperBound + shift, $0.url) }
    }

    /// A URL shown as its own text and linked.
    mutating func appendLink(_ label: String, url: String, linkColour: RGB) {
        let start = text.utf8.count
        append(label, .colour(linkColour), .underline)
        links.append((start..<text.utf8.count, url))
    }

    /// Rich text, with emphasis in italic, strong in bold and links coloured, underlined, clickable and
    /// followed by their address in parentheses.
    mutating func append(_ rich: RichText, linkColour: RGB, base: [Style] = []) {
        walk(rich.inlines, base, linkColour)
    }

    static func rich(_ rich: RichText, linkColour: RGB, base: [Style] = []) -> StyledText {
        var s = StyledText()
        s.append(rich, linkColour: linkColour, base: base)
        return s
    }

    private mutating func walk(_ nodes: [Inline], _ styles: [Style], _ linkColour: RGB) {
        for node in nodes {
            switch node {
            case .text(let s):
                append(s, styles)
            case .emphasis(let children):
                walk(children, styles + [.italic], linkColour)
            case .strong(let children):
                walk(children, styles + [.bold], linkColour)
            case .link(let url, let children):
                let start = text.utf8.count
                walk(children, styles + [.colour(linkColour), .underline], linkColour)
                links.append((start..<text.utf8.count, url))
                // On paper a link is only as good as its printed address: show it unless the text already is.
                if Inline.link(url: url, children: children).plainText != url {
                    append(" (", styles)
                    appendLink(url, url: url, linkColour: linkColour)
                    append(")", styles)
                }
            case .term(_, let children):
                // Glossary terms read as ordinary words; the glossary box explains them.
                walk(children, styles, linkColour)
            }
        }
    }
}
