/// Absolute `@id`s: site-wide nodes hang off the base URL, a summary's nodes off its page URL as fragments,
/// so the same node has the same IRI in every file that mentions it (page document, snippet, collection).
struct NodeIDs {
    let baseURL: String
    let pageURL: String

    var website: String { baseURL + "#website" }
    var publisher: String { baseURL + "#publisher" }
    var collection: String { baseURL + "#summaries" }

    var webPage: String { pageURL + "#webpage" }
    var trial: String { pageURL + "#trial" }
    var condition: String { pageURL + "#condition" }
    var publication: String { pageURL + "#publication" }
    /// Arm ids are validated slugs, so they are safe in a fragment.
    func arm(_ armID: String) -> String { pageURL + "#arm-" + armID }
    func drug(_ key: String) -> String { pageURL + "#drug-" + key }
    func drugClass(_ key: String) -> String { pageURL + "#drug-class-" + key }
}
