import ExportKit
import Foundation
import TrialModel

/// EPUB 3 editions: one per summary (`epub/<id>.epub`) and one collection of the whole library grouped by
/// the site's categories (`epub/collection.epub`). Pure: model in, ZIP bytes out.
public struct EPUBExporter: Exporter {
    public static let info = FormatInfo(name: "epub", title: "EPUB 3", mediaType: "application/epub+zip",
                                        hasCollection: true,
                                        abstract: "Export an EPUB 3 per summary and the collection of the selected summaries.")

    let settings: Settings

    public init(context: ExportContext) throws {
        settings = context.settings
    }

    public func configurationFingerprint(collection: Bool) -> [UInt8] { ConfigurationFingerprint.site(settings) }

    public func render(_ item: LoadedSummary, variant: String, worker: WorkerCache) throws -> [OutputFile] {
        [OutputFile(path: Self.info.outputPath("\(item.id).epub"), data: try wrap(item.id) { try EPUBContainer.zip(book(for: item)) })]
    }

    /// Streamed: each chapter goes into the ZIP file as soon as it is rendered, so memory stays flat however
    /// large the library.
    public func renderCollection(_ library: [LoadedSummary], worker: WorkerCache) throws -> [OutputFile] {
        guard !library.isEmpty else { return [] }
        return [OutputFile(path: Self.info.outputPath("collection.epub")) { url in
            try wrap("collection") {
                let container = try EPUBContainer(url: url, modified: library.map(\.summary.reviewed).max()!)
                try container.finish(collection(library) { try container.add($0) })
            }
        }]
    }

    private func wrap<T>(_ id: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as ExportError { throw e } catch {
            throw ExportError.render(summaryID: id, format: Self.info.name, message: "\(error)")
        }
    }

    // MARK: - One summary

    static let summaryHref = "summary.xhtml"

    func book(for item: LoadedSummary) -> Book {
        let s = item.summary
        let w = item.views.words
        let plan = GlossaryPlan.single(item, scope: .single)
        let content = ContentDocument(item: item, settings: settings, scope: .single, href: Self.summaryHref,
                                      stylesheetHref: Stylesheet.href, glossary: plan) { term in
            plan.anchor(summary: s.id, term: term).map { "#" + $0 }
        }.render()
        let metadata = BookMetadata(
            identifier: PublicationIdentifier.urn(forURL: settings.pageURL(for: s.id)),
            title: s.title, languages: [s.language], modified: s.reviewed,
            creator: settings.publisher, publisher: settings.siteName,
            subjects: [s.category.title(in: w), s.cancerType], description: s.lead.plainText, hasCharts: content.hasSVG,
            words: w)
        // No `toc` landmark: the navigation document is not in this spine, and landmarks may only point at
        // spine items (EPUBCheck RSC-011); reading systems offer the table of contents themselves.
        var landmarks = [Landmark(type: "bodymatter", title: w[.startOfContent], href: Self.summaryHref)]
        if !plan.entries.isEmpty {
            landmarks.append(Landmark(type: "glossary", title: w[.glossary],
                                      href: "\(Self.summaryHref)#\(AnchorScope.single.glossary)"))
        }
        return Book(
            metadata: metadata,
            items: [PublicationItem(id: "summary", href: Self.summaryHref, mediaType: "application/xhtml+xml",
                                    data: content.data, properties: content.hasSVG ? ["svg"] : [], inSpine: true),
                    stylesheetItem],
            toc: [TOCEntry(title: s.title, href: "\(Self.summaryHref)#\(AnchorScope.single.title)")] + content.toc.children,
            landmarks: landmarks, navInSpineAt: nil, tocTitle: w[.contents])
    }

    // MARK: - Collection

    /// The collection as a book. Each chapter is passed to `emit` as soon as it is rendered, and the book lists
    /// what `emit` returns (the streaming container returns it without its bytes).
    func collection(_ unordered: [LoadedSummary], emit: (PublicationItem) throws -> PublicationItem) throws -> Book {
        // The engine passes the library in category order already; a stable sort keeps that promise local.
        let library = unordered.enumerated().sorted { a, b in
            (a.element.summary.category.siteOrder, a.offset) < (b.element.summary.category.siteOrder, b.offset)
        }.map(\.element)
        let plan = GlossaryPlan.shared(library)
        let glossaryHref = plan.entries.isEmpty ? nil : CollectionPages.glossaryHref

        var chapters: [PublicationItem] = []
        var tocByCategory: [(Category, [TOCEntry])] = []
        var hasCharts = false
        for item in library {
            let href = "s-\(item.id).xhtml"
            let content = ContentDocument(item: item, settings: settings, scope: .chapter(item.id), href: href,
                                          stylesheetHref: Stylesheet.href, glossary: nil) { term in
                plan.anchor(summary: item.id, term: term).flatMap { a in glossaryHref.map { "\($0)#\(a)" } }
            }.render()
            hasCharts = hasCharts || content.hasSVG
            chapters.append(try emit(PublicationItem(id: "s-\(item.id)", href: href, mediaType: "application/xhtml+xml",
                                                     data: content.data, properties: content.hasSVG ? ["svg"] : [],
                                                     inSpine: true)))
            if tocByCategory.last?.0 != item.summary.category { tocByCategory.append((item.summary.category, [])) }
            tocByCategory[tocByCategory.count - 1].1.append(content.toc)
        }

        var languages: [String] = []
        for item in library where !languages.contains(item.summary.language) { languages.append(item.summary.language) }
        let w = Messages.common(languages)
        // A mixed collection's own pages (title page, contents, glossary heading) are in English: English is
        // then its main language.
        if languages.count > 1 { languages.removeAll { $0 == "en" }; languages.insert("en", at: 0) }
        let metadata = BookMetadata(
            identifier: PublicationIdentifier.urn(forURL: settings.baseURL),
            title: w.text(.collectionTitle, settings.siteName),
            languages: languages, modified: library.map(\.summary.reviewed).max()!,
            creator: settings.publisher, publisher: settings.siteName,
            subjects: tocByCategory.map { $0.0.title(in: w) },
            description: w.text(.collectionDescription, w.plural(.summaries, library.count)),
            hasCharts: hasCharts, words: w)

        var items = [PublicationItem(id: "title", href: CollectionPages.titleHref, mediaType: "application/xhtml+xml",
                                     data: CollectionPages.titlePage(library: library, metadata: metadata, settings: settings),
                                     inSpine: true)]
        items += chapters
        var toc = [TOCEntry(title: w[.titlePage], href: CollectionPages.titleHref)]
        toc += tocByCategory.map { TOCEntry(title: $0.0.title(in: w), href: nil, children: $0.1) }
        var landmarks = [Landmark(type: "titlepage", title: w[.titlePage], href: CollectionPages.titleHref),
                         Landmark(type: "toc", title: w[.contents], href: "\(NavDocument.href)#\(NavDocument.tocID)"),
                         Landmark(type: "bodymatter", title: w[.startOfContent], href: chapters[0].href)]
        if let glossaryHref {
            items.append(PublicationItem(id: "glossary", href: glossaryHref, mediaType: "application/xhtml+xml",
                                         data: CollectionPages.glossary(plan, library: library, language: languages[0], words: w), inSpine: true))
            toc.append(TOCEntry(title: w[.glossary], href: glossaryHref))
            landmarks.append(Landmark(type: "glossary", title: w[.glossary], href: glossaryHref))
        }
        items.append(stylesheetItem)
        // The navigation document doubles as the visible contents page, right after the title page.
        return Book(metadata: metadata, items: items, toc: toc, landmarks: landmarks, navInSpineAt: 1,
                    tocTitle: w[.contents])
    }

    private var stylesheetItem: PublicationItem {
        PublicationItem(id: "css", href: Stylesheet.href, mediaType: "text/css", data: Stylesheet.data, inSpine: false)
    }
}
