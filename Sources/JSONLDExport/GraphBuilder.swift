import TrialModel

/// Assembles the `@graph` of a summary page and of the collection. Node order is fixed here (page, trial,
/// condition, publication, arms, drugs, drug classes, site nodes) so reruns give the same bytes.
struct GraphBuilder {
    let settings: Settings

    func ids(for item: LoadedSummary) -> NodeIDs {
        NodeIDs(baseURL: settings.baseURL, pageURL: settings.pageURL(for: item.id))
    }

    func summaryGraph(_ item: LoadedSummary) -> [JSONValue] {
        let ids = ids(for: item)
        let trial = TrialNodes(item: item, ids: ids)
        var nodes = [PageNode(item: item, settings: settings, ids: ids).node, trial.trialNode, trial.conditionNode]
        if let publication = trial.publicationNode { nodes.append(publication) }
        nodes += trial.armNodes + trial.drugNodes + trial.drugClassNodes
        nodes += siteNodes(ids)
        return nodes.map(\.json)
    }

    /// The library as an ordered `ItemList` of summary pages, in the order given (category order), each
    /// translation right after its original, linked both ways (`workTranslation` / `translationOfWork`).
    func collectionGraph(_ unordered: [LoadedSummary]) -> [JSONValue] {
        let site = NodeIDs(baseURL: settings.baseURL, pageURL: settings.baseURL)
        let library = Self.groupingVersions(unordered)
        let present = Set(library.map(\.id))
        var translations: [String: [String]] = [:]
        for item in library { if let o = item.summary.translationOf { translations[o, default: []].append(item.id) } }
        var list = Node(type: "ItemList", id: site.collection)
        list.set("name", Messages.common(library.map(\.summary.language)).text(.allSummaries, settings.siteName))
        list.set("url", settings.baseURL)
        list.set("numberOfItems", .integer(library.count))
        list.set("itemListElement", all: library.enumerated().map { index, item in
            let ids = ids(for: item)
            var page = Node(type: "MedicalWebPage", id: ids.webPage)
            page.set("url", ids.pageURL)
            page.set("name", item.summary.title)
            page.set("genre", item.summary.category.title(in: item.views.words))
            page.set("inLanguage", item.summary.language)
            let versionIDs = { (id: String) in NodeIDs(baseURL: settings.baseURL, pageURL: settings.pageURL(for: id)) }
            if let o = item.summary.translationOf {
                if present.contains(o) { page.set("translationOfWork", Node.ref(versionIDs(o).webPage)) }
                else {
                    var original = Node(type: "MedicalWebPage", id: versionIDs(o).webPage)
                    original.set("url", versionIDs(o).pageURL)
                    page.set("translationOfWork", original)
                }
            }
            if let t = translations[item.id] { page.set("workTranslation", all: t.map { Node.ref(versionIDs($0).webPage) }) }
            page.set("lastReviewed", item.summary.reviewed.description)
            page.set("isPartOf", Node.ref(site.website))
            var entry = Node(type: "ListItem")
            entry.set("position", .integer(index + 1))
            entry.set("item", page)
            return entry.json
        })
        return ([list] + siteNodes(site)).map(\.json)
    }

    /// Originals in the given order, each followed by its translations (by id); translations of a summary not in
    /// the list keep their place.
    static func groupingVersions(_ library: [LoadedSummary]) -> [LoadedSummary] {
        let ids = Set(library.map(\.id))
        let isGrouped = { (item: LoadedSummary) in item.summary.translationOf.map(ids.contains) ?? false }
        var out: [LoadedSummary] = []
        for item in library where !isGrouped(item) {
            out.append(item)
            out += library.filter { $0.summary.translationOf == item.id }.sorted { $0.id < $1.id }
        }
        return out
    }

    private func siteNodes(_ ids: NodeIDs) -> [Node] {
        [PageNode.website(settings: settings, ids: ids), PageNode.publisher(settings: settings, ids: ids)]
    }
}
