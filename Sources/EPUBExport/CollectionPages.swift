import Foundation
import TrialModel
import XMLKit

/// The collection's own documents: the title page and the shared glossary.
enum CollectionPages {
    static let titleHref = "title.xhtml"
    static let glossaryHref = "glossary.xhtml"

    static func titlePage(library: [LoadedSummary], metadata: BookMetadata, settings: Settings) -> Data {
        let doc = XMLBuilder()
        doc.doctype("html")
        let html = XHTMLPage.root(doc, language: metadata.languages[0], title: metadata.title,
                                  stylesheet: Stylesheet.href)
        let page = html.element("body").element("main").element("section", ["class": "title-page", "epub:type": "titlepage"])
        page.element("h1", text: settings.siteName)
        page.element("p", ["class": "lead"], text: "Plain-language summaries of clinical trials")
        let categories = Set(library.map(\.summary.category)).count
        let count = library.count == 1 ? "1 summary" : "\(library.count) summaries"
        let facts = page.element("p")
        facts.text("\(count) in \(categories) \(categories == 1 ? "category" : "categories"), reviewed up to ")
        facts.element("time", ["datetime": metadata.modified.description], text: metadata.modified.longText)
        facts.text(".")
        page.element("p", text: "Published by \(settings.publisher).")
        let web = page.element("p")
        web.text("On the web: ")
        web.element("a", ["href": settings.baseURL], text: settings.baseURL)
        return doc.serialize()
    }

    static func glossary(_ plan: GlossaryPlan, library: [LoadedSummary], language: String) -> Data {
        let trials = Dictionary(library.map { ($0.id, $0.summary.trial.name) }, uniquingKeysWith: { a, _ in a })
        let doc = XMLBuilder()
        doc.doctype("html")
        let html = XHTMLPage.root(doc, language: language, title: "Glossary", stylesheet: Stylesheet.href)
        let section = html.element("body").element("main").element("section", ["id": "glossary", "class": "glossary"])
        section.element("h1", text: "Glossary")
        GlossaryList.write(plan.entries, into: section, source: { "In the \(trials[$0.summaryID] ?? $0.summaryID) summary" }) { entry, dd in
            // Terms inside a definition resolve in the glossary of the summary the definition came from.
            let rich = RichTextWriter { plan.anchor(summary: entry.summaryID, term: $0).map { "#" + $0 } }
            rich.write(entry.entry.definition, into: dd)
        }
        return doc.serialize()
    }
}
