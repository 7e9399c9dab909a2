/// Ids inside content documents, all made here so they stay consistent between the documents, the
/// navigation document and the links into them.
///
/// XML ids must start with a letter but slugs may start with a digit, so every id gets a lettered kind
/// prefix (`sec-`, `gloss-`, `chart-`…). In the collection every chapter's ids also carry `s-<summary id>.`;
/// summary ids are unique and hold no `.`, so ids stay unique across chapters.
struct AnchorScope: Sendable {
    let prefix: String

    static let single = AnchorScope(prefix: "")
    static func chapter(_ summaryID: String) -> AnchorScope { AnchorScope(prefix: "s-\(summaryID).") }

    var title: String { prefix + "title" }
    var keyFacts: String { prefix + "key-facts" }
    var moreResults: String { prefix + "more-results" }
    var glossary: String { prefix + "glossary" }
    var about: String { prefix + "about" }
    func section(_ id: String) -> String { prefix + "sec-" + id }
    func outcome(_ id: String) -> String { prefix + "outcome-" + id }
    func chart(_ outcomeID: String) -> String { prefix + "chart-" + outcomeID }
    func chartTitle(_ outcomeID: String) -> String { chart(outcomeID) + "-title" }
    func chartDescription(_ outcomeID: String) -> String { chart(outcomeID) + "-desc" }
    func chartTable(_ outcomeID: String) -> String { chart(outcomeID) + "-data" }
    func chartPattern(_ outcomeID: String, arm: Int) -> String { chart(outcomeID) + "-pattern-\(arm)" }
}
