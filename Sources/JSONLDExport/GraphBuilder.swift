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

    /// The library as an ordered `ItemList` of summary pages, in the order given (category order).
    func collectionGraph(_ library: [LoadedSummary]) -> [JSONValue] {
        let site = NodeIDs(baseURL: settings.baseURL, pageURL: settings.baseURL)
        var list = Node(type: "ItemList", id: site.collection)
        list.set("name", "\(settings.siteName): all summaries")
        list.set("url", settings.baseURL)
        list.set("numberOfItems", .integer(library.count))
        list.set("itemListElement", all: library.enumerated().map { index, item in
            let ids = ids(for: item)
            var page = Node(type: "MedicalWebPage", id: ids.webPage)
            page.set("url", ids.pageURL)
            page.set("name", item.summary.title)
            page.set("genre", item.summary.category.title)
            page.set("inLanguage", item.summary.language)
            page.set("lastReviewed", item.summary.reviewed.description)
            page.set("isPartOf", Node.ref(site.website))
            var entry = Node(type: "ListItem")
            entry.set("position", .integer(index + 1))
            entry.set("item", page)
            return entry.json
        })
        return ([list] + siteNodes(site)).map(\.json)
    }

    private func siteNodes(_ ids: NodeIDs) -> [Node] {
        [PageNode.website(settings: settings, ids: ids), PageNode.publisher(settings: settings, ids: ids)]
    }
}
