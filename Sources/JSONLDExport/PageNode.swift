import TrialModel

/// The summary's web page (`MedicalWebPage`) and the site-wide nodes it points to (`WebSite`, the publishing
/// `Organization`). Only what the page shows: title, lead, review date, tags, reading time.
struct PageNode {
    let item: LoadedSummary
    let settings: Settings
    let ids: NodeIDs

    var node: Node {
        let s = item.summary
        var n = Node(type: "MedicalWebPage", id: ids.webPage)
        n.set("url", ids.pageURL)
        n.set("name", s.title)
        n.set("headline", s.title)
        n.set("description", s.lead.plainText)
        n.set("inLanguage", s.language)
        if let original = s.translationOf {
            // The original's page, described in place: this file holds no node for it to point at.
            let originalIDs = NodeIDs(baseURL: settings.baseURL, pageURL: settings.pageURL(for: original))
            var page = Node(type: "MedicalWebPage", id: originalIDs.webPage)
            page.set("url", originalIDs.pageURL)
            n.set("translationOfWork", page)
        }
        n.set("lastReviewed", s.reviewed.description)
        n.set("timeRequired", item.views.readingTime.iso8601)
        n.set("keywords", all: s.tags.filter { !$0.isEmpty }.map { .string($0) })
        n.set("specialty", SchemaOrg.specialty(s))
        // Patient is a class, not a MedicalAudienceType member, hence the audienceType text.
        var audience = Node(type: "MedicalAudience")
        audience.set("audienceType", "Patient")
        n.set("medicalAudience", audience)
        n.set("about", all: [Node.ref(ids.trial), Node.ref(ids.condition)])
        n.set("mainEntity", Node.ref(ids.trial))
        if s.trial.publication != nil { n.set("citation", Node.ref(ids.publication)) }
        // The page's "Look up this trial" links.
        n.set("significantLink", all: s.trial.registryIDs.map { .string($0.url) })
        n.set("isPartOf", Node.ref(ids.website))
        n.set("publisher", Node.ref(ids.publisher))
        n.set("reviewedBy", Node.ref(ids.publisher))
        return n
    }

    static func website(settings: Settings, ids: NodeIDs) -> Node {
        var n = Node(type: "WebSite", id: ids.website)
        n.set("name", settings.siteName)
        n.set("url", settings.baseURL)
        n.set("publisher", Node.ref(ids.publisher))
        return n
    }

    static func publisher(settings: Settings, ids: NodeIDs) -> Node {
        var n = Node(type: "Organization", id: ids.publisher)
        n.set("name", settings.publisher)
        return n
    }
}
