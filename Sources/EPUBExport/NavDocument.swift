import Foundation
import XMLKit

/// The EPUB 3 navigation document: the table of contents (`ol > li > a`, nested as the publication is)
/// and the landmarks (a flat list, including `bodymatter`). No NCX: EPUB 2 reading systems are not a target.
enum NavDocument {
    static let href = "nav.xhtml"
    static let tocID = "toc"

    static func render(_ book: Book) -> Data {
        let doc = XMLBuilder()
        doc.doctype("html")
        let html = XHTMLPage.root(doc, language: book.metadata.languages[0], title: book.tocTitle,
                                  stylesheet: Stylesheet.href, direction: book.metadata.words.language.direction)
        // The navigation lists are the page's main content (axe: landmark-one-main, region).
        let body = html.element("body").element("main")
        let toc = body.element("nav", ["epub:type": "toc", "id": tocID, "role": "doc-toc"])
        toc.element("h1", text: book.tocTitle)
        list(book.toc, into: toc)

        let landmarks = body.element("nav", ["epub:type": "landmarks", "id": "landmarks", "hidden": "hidden"])
        landmarks.element("h2", text: book.metadata.words[.landmarks])
        let ol = landmarks.element("ol")
        for l in book.landmarks {
            ol.element("li").element("a", ["epub:type": l.type, "href": l.href], text: l.title)
        }
        return doc.serialize()
    }

    private static func list(_ entries: [TOCEntry], into parent: XMLBuilder.Element) {
        let ol = parent.element("ol")
        for entry in entries {
            let li = ol.element("li")
            if let href = entry.href { li.element("a", ["href": href], text: entry.title) }
            else { li.element("span", text: entry.title) }
            if !entry.children.isEmpty { list(entry.children, into: li) }
        }
    }
}
