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
        let w = metadata.words
        let html = XHTMLPage.root(doc, language: metadata.languages[0], title: metadata.title,
                                  stylesheet: Stylesheet.href, direction: w.language.direction)
        let page = html.element("body").element("main").element("section", ["class": "title-page", "epub:type": "titlepage"])
        page.element("h1", text: settings.siteName)
        page.element("p", ["class": "lead"], text: w[.collectionLead])
        let categories = Set(library.map(\.summary.category)).count
        let facts = page.element("p")
        facts.text(w.text(.collectionFacts, w.plural(.subjectCount, library.count), w.plural(.categoryCount, categories)))
        facts.element("time", ["datetime": metadata.modified.description], text: metadata.modified.text(in: w))
        facts.text(w.language == .zhHans ? "。" : ".")
        page.element("p", text: w.text(.publishedBy, settings.publisher))
        let web = page.element("p")
        web.text(w[.onTheWeb])
        web.element("a", ["href": settings.baseURL], text: settings.baseURL)
        return doc.serialize()
    }

    static func glossary(_ plan: GlossaryPlan, library: [LoadedSummary], language: String, words w: Messages) -> Data {
        let trials = Dictionary(library.map { ($0.id, $0.summary.trial.name) }, uniquingKeysWith: { a, _ in a })
        let doc = XMLBuilder()
        doc.doctype("html")
        let html = XHTMLPage.root(doc, language: language, title: w[.glossary], stylesheet: Stylesheet.href,
                                  direction: w.language.direction)
        let section = html.element("body").element("main").element("section", ["id": "glossary", "class": "glossary"])
        section.element("h1", text: w[.glossary])
        GlossaryList.write(plan.entries, into: section, source: { w.text(.inTheSummary, trials[$0.summaryID] ?? $0.summaryID) }) { entry, dd in
            // Terms inside a definition resolve in the glossary of the summary the definition came from.
            let rich = RichTextWriter { plan.anchor(summary: entry.summaryID, term: $0).map { "#" + $0 } }
            rich.write(entry.entry.definition, into: dd)
        }
        return doc.serialize()
    }
}
