import TrialModel

/// Which glossary entries a publication shows, under which anchor ids, in which order.
///
/// A summary's EPUB lists the terms its text uses (`views.usedGlossary`, first-use order) plus any term
/// those definitions refer to, so every glossary link resolves. The collection has one shared glossary:
/// a term used by several summaries with the same wording appears once; differing definitions under the
/// same id each keep their own entry.
struct GlossaryPlan {
    struct Entry {
        var anchor: String
        var entry: GlossaryEntry
        /// The summary whose glossary the entry comes from (first one, when shared): resolves the term
        /// links inside its definition.
        var summaryID: String
    }

    var entries: [Entry]
    private var anchors: [String: [String: String]]

    /// Anchor id of a term as summary `summaryID` refers to it, if it is listed.
    func anchor(summary summaryID: String, term termID: String) -> String? { anchors[summaryID]?[termID] }

    static func single(_ item: LoadedSummary, scope: AnchorScope) -> GlossaryPlan {
        var plan = GlossaryPlan(entries: [], anchors: [:])
        for e in closure(item) {
            let anchor = scope.prefix + "gloss-" + e.id
            plan.entries.append(Entry(anchor: anchor, entry: e, summaryID: item.id))
            plan.anchors[item.id, default: [:]][e.id] = anchor
        }
        return plan
    }

    static func shared(_ library: [LoadedSummary]) -> GlossaryPlan {
        var plan = GlossaryPlan(entries: [], anchors: [:])
        var byID: [String: [Int]] = [:]
        for item in library {
            for e in closure(item) {
                let same = byID[e.id, default: []].first { plan.entries[$0].entry == e }
                let anchor: String
                if let same {
                    anchor = plan.entries[same].anchor
                } else {
                    let n = byID[e.id, default: []].count
                    anchor = "gloss-" + e.id + (n == 0 ? "" : "-\(n + 1)")
                    byID[e.id, default: []].append(plan.entries.count)
                    plan.entries.append(Entry(anchor: anchor, entry: e, summaryID: item.id))
                }
                plan.anchors[item.id, default: [:]][e.id] = anchor
            }
        }
        // A shared glossary is looked things up in: alphabetical, with a fixed tie-break for determinism.
        plan.entries.sort { a, b in
            (a.entry.term.lowercased(), a.entry.term, a.anchor) < (b.entry.term.lowercased(), b.entry.term, b.anchor)
        }
        return plan
    }

    /// Used terms plus the terms their definitions refer to, transitively, in first-use order.
    static func closure(_ item: LoadedSummary) -> [GlossaryEntry] {
        var out = item.views.usedGlossary
        var seen = Set(out.map(\.id))
        var i = 0
        while i < out.count {
            for ref in out[i].definition.termReferences where !seen.contains(ref) {
                if let e = item.summary.glossaryEntry(ref) {
                    seen.insert(ref)
                    out.append(e)
                }
            }
            i += 1
        }
        return out
    }
}
