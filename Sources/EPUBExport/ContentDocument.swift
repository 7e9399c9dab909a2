import Foundation
import TrialModel
import XMLKit

/// One summary as an XHTML content document, in the same order as the PDF handout: title, lead, key facts,
/// every section in source order (results with charts and data tables), the glossary of used terms,
/// the disclaimer, the review date and the link to the web page.
///
/// Built with libxml2 through `XMLBuilder`; it also records whether it holds inline SVG (the manifest must
/// say so) and the headings for the table of contents.
final class ContentDocument {
    struct Output {
        var data: Data
        var hasSVG: Bool
        /// The summary's title entry with one child per section, linking into this document.
        var toc: TOCEntry
    }

    let item: LoadedSummary
    let settings: Settings
    let scope: AnchorScope
    /// File name of this document, relative to the package document.
    let href: String
    let stylesheetHref: String
    /// Where a glossary term reference points (`#gloss-x` or `glossary.xhtml#gloss-x`); nil if not listed.
    let glossaryHref: (String) -> String?
    /// The summary's own glossary (single-summary EPUB); nil in the collection, which has a shared one.
    let glossary: GlossaryPlan?
    let rich: RichTextWriter

    /// Set when a chart is written: the manifest item then needs `properties="svg"`.
    var hasSVG = false
    private var sections: [TOCEntry] = []
    var summary: Summary { item.summary }
    var words: Messages { item.views.words }

    init(item: LoadedSummary, settings: Settings, scope: AnchorScope, href: String, stylesheetHref: String,
         glossary: GlossaryPlan?, glossaryHref: @escaping (String) -> String?) {
        self.item = item
        self.settings = settings
        self.scope = scope
        self.href = href
        self.stylesheetHref = stylesheetHref
        self.glossary = glossary
        self.glossaryHref = glossaryHref
        self.rich = RichTextWriter(glossaryHref: glossaryHref)
    }

    func richText(_ text: RichText, into element: XMLBuilder.Element) { rich.write(text, into: element) }

    func render() -> Output {
        let doc = XMLBuilder()
        doc.doctype("html")
        let html = XHTMLPage.root(doc, language: summary.language, title: summary.title, stylesheet: stylesheetHref,
                                  direction: words.language.direction)
        // One main landmark holding everything (axe: landmark-one-main, region).
        let body = html.element("body").element("main")
        // The model's content plan, the same order every full format follows.
        for part in item.views.plan.parts {
            switch part {
            case .title: writeHeader(body)
            case .keyFacts: writeKeyFacts(body)
            case .section(let i): writeSection(summary.sections[i], into: body)
            case .outcomes(_, let ids): writeUnplacedOutcomes(ids, into: body)
            case .glossary: if let glossary { writeGlossary(glossary, into: body) }
            case .about: writeAbout(body)
            }
        }
        return Output(data: doc.serialize(), hasSVG: hasSVG,
                      toc: TOCEntry(title: summary.title, href: href, children: sections))
    }

    // MARK: - Parts

    private func writeHeader(_ body: XMLBuilder.Element) {
        let header = body.element("header", ["class": "summary-header"])
        header.element("p", ["class": "kicker"], text: "\(summary.category.title(in: words)) · \(summary.cancerType)")
        header.element("h1", ["id": scope.title], text: summary.title)
        richText(summary.lead, into: header.element("p", ["class": "lead"]))
        header.element("p", ["class": "meta"], text: "\(item.views.readingTime.text(in: words)) · " + words.text(.metaReviewed, summary.reviewed.text(in: words)))
    }

    private func writeKeyFacts(_ body: XMLBuilder.Element) {
        let id = scope.keyFacts
        let section = body.element("section", ["id": id, "class": "key-facts"])
        section.element("h2", text: words[.keyFacts])
        let dl = section.element("dl")
        for fact in item.views.keyFacts.facts {
            dl.element("dt", text: fact.label)
            dl.element("dd", text: fact.value)
        }
        if let main = item.views.keyFacts.mainResult {
            let p = section.element("p", ["class": "main-result"])
            // "Main result: …" split at the label, so the label alone is strong whatever the language's colon.
            let label = words.text(.labelValue, words[.mainResult], "\u{0}").components(separatedBy: "\u{0}")
            p.element("strong", text: TextWrap.trimTrailingSpaces(label[0]))
            p.text(String(repeating: " ", count: label[0].count - TextWrap.trimTrailingSpaces(label[0]).count) + main)
        }
        sections.append(TOCEntry(title: words[.keyFacts], href: "\(href)#\(id)"))
    }

    private func writeSection(_ s: Section, into body: XMLBuilder.Element) {
        let id = scope.section(s.id)
        let section = body.element("section", ["id": id, "class": s.kind.rawValue])
        section.element("h2", text: s.heading)
        var level = 3
        for block in s.blocks {
            if case .subheading = block { level = 3 }
            writeBlock(block, into: section, headingLevel: level)
            if case .subheading = block { level = 4 }
        }
        sections.append(TOCEntry(title: s.heading, href: "\(href)#\(id)"))
    }

    /// Outcomes no block places (validation warns about them) still belong in the document: their numbers
    /// must not silently disappear from the EPUB.
    private func writeUnplacedOutcomes(_ ids: [String], into body: XMLBuilder.Element) {
        let rest = ids.compactMap(summary.outcome)
        guard !rest.isEmpty else { return }
        let section = body.element("section", ["id": scope.moreResults, "class": "results"])
        section.element("h2", text: words[.groupMoreResults])
        for o in rest { writeOutcome(o, into: section, headingLevel: 3) }
        sections.append(TOCEntry(title: words[.groupMoreResults], href: "\(href)#\(scope.moreResults)"))
    }

    private func writeGlossary(_ plan: GlossaryPlan, into body: XMLBuilder.Element) {
        guard !plan.entries.isEmpty else { return }
        let section = body.element("section", ["id": scope.glossary, "class": "glossary"])
        section.element("h2", text: words[.glossary])
        GlossaryList.write(plan.entries, into: section) { entry, dd in
            self.richText(entry.entry.definition, into: dd)
        }
        sections.append(TOCEntry(title: words[.glossary], href: "\(href)#\(scope.glossary)"))
    }

    private func writeAbout(_ body: XMLBuilder.Element) {
        let section = body.element("section", ["id": scope.about, "class": "about"])
        section.element("h2", text: words[.aboutThisSummary])
        let reviewed = section.element("p")
        reviewed.text(words[.reviewedLabel])
        reviewed.element("time", ["datetime": summary.reviewed.description], text: summary.reviewed.text(in: words))
        reviewed.text(words.text(.aboutVersion, words.integer(summary.version), settings.publisher, settings.siteName))
        if let publication = summary.trial.publication, let link = publication.link {
            let p = section.element("p")
            p.text(words[.originalPublication])
            p.element("a", ["href": link], text: publication.title ?? "\(publication.journal), \(publication.year)")
            if publication.title != nil { p.text(" (\(publication.citation))") }
        }
        let online = section.element("p")
        online.text(words[.readOnlineLabel])
        let url = settings.pageURL(for: summary.id)
        online.element("a", ["href": url], text: url)
        sections.append(TOCEntry(title: words[.aboutThisSummary], href: "\(href)#\(scope.about)"))
    }
}

/// The `<html>` and `<head>` every XHTML document of the publication shares.
enum XHTMLPage {
    static func root(_ doc: XMLBuilder, language: String, title: String, stylesheet: String,
                     direction: String = "ltr") -> XMLBuilder.Element {
        let html = doc.root("html", namespace: XMLNamespace.xhtml)
        html.declareNamespace(XMLNamespace.ops, prefix: "epub")
        html.set("lang", language)
        html.set("xml:lang", language)
        html.set("dir", direction)
        let head = html.element("head")
        head.element("meta", ["charset": "utf-8"])
        head.element("title", text: title)
        head.element("link", ["rel": "stylesheet", "type": "text/css", "href": stylesheet])
        return html
    }
}

/// A glossary as a definition list: `<dt id=…><dfn>term</dfn></dt><dd>definition</dd>`. When adjacent
/// entries share a term (the collection: summaries defining the same term differently), the term is shown
/// once with one `<dd>` per definition, and the later definitions carry their own anchor.
enum GlossaryList {
    /// `source` names where a definition comes from; it is shown only for terms with several definitions.
    static func write(_ entries: [GlossaryPlan.Entry], into parent: XMLBuilder.Element,
                      source: ((GlossaryPlan.Entry) -> String)? = nil,
                      definition: (GlossaryPlan.Entry, XMLBuilder.Element) -> Void) {
        let dl = parent.element("dl")
        var previousTerm: String?
        let counts = Dictionary(entries.map { ($0.entry.term, 1) }, uniquingKeysWith: +)
        for e in entries {
            let dd: XMLBuilder.Element
            if e.entry.term == previousTerm {
                dd = dl.element("dd", ["id": e.anchor])
            } else {
                let dt = dl.element("dt", ["id": e.anchor])
                dt.element("dfn", text: e.entry.term)
                dt.markMixed()
                dd = dl.element("dd")
            }
            if let source, counts[e.entry.term, default: 0] > 1 {
                dd.element("span", ["class": "source"], text: source(e) + ": ")
            }
            definition(e, dd)
            previousTerm = e.entry.term
        }
    }
}
