import TrialModel
import XMLKit

/// Writes inline rich text into an XHTML element (a paragraph, list item, caption, definition). The tree
/// was parsed once at load; this only walks it, switching exhaustively over `Inline`.
struct RichTextWriter {
    /// Where a glossary term reference points (`#gloss-x` or `glossary.xhtml#gloss-x`); nil leaves the
    /// term as plain text.
    let glossaryHref: (String) -> String?

    func write(_ text: RichText, into element: XMLBuilder.Element) {
        inlines(text.inlines, into: element, insideLink: false)
        element.markMixed()
    }

    /// HTML forbids a link inside a link, so inside one, a nested link or term keeps its text only.
    private func inlines(_ nodes: [Inline], into parent: XMLBuilder.Element, insideLink: Bool) {
        for node in nodes {
            switch node {
            case .text(let s):
                parent.text(s)
            case .emphasis(let children):
                wrap("em", [:], children, parent, insideLink)
            case .strong(let children):
                wrap("strong", [:], children, parent, insideLink)
            case .link(let url, let children):
                if insideLink { inlines(children, into: parent, insideLink: true) }
                else { wrap("a", ["href": url], children, parent, true) }
            case .term(let id, let children):
                if !insideLink, let href = glossaryHref(id) {
                    wrap("a", ["href": href, "epub:type": "glossref", "class": "term"], children, parent, true)
                } else {
                    inlines(children, into: parent, insideLink: insideLink)
                }
            }
        }
    }

    private func wrap(_ name: String, _ attributes: KeyValuePairs<String, String>, _ children: [Inline],
                      _ parent: XMLBuilder.Element, _ insideLink: Bool) {
        let e = parent.element(name, attributes)
        inlines(children, into: e, insideLink: insideLink)
        e.markMixed()
    }
}
