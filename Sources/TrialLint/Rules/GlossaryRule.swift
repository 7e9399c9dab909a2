import Foundation

import TrialModel

/// A glossary term should be linked (`[term](glossary:id)`) where a reader first meets it: flags a term
/// written as plain text before its first link, or never linked at all. Matching is case-insensitive and on
/// whole words, over the units in reading order.
enum GlossaryRule {
    struct Hit { var unit: Int; var rule: LintRule; var message: String }

    static func check(_ units: [TextUnit], glossary: [GlossaryEntry]) -> [Hit] {
        guard !glossary.isEmpty else { return [] }
        let linked = Set(units.flatMap { $0.rich.termReferences })
        var seenLink = Set<String>()
        var reported = Set<String>()
        var hits: [Hit] = []
        // Each term lower-cased once per summary, not once per text node it is looked for in.
        let terms = glossary.map { (entry: $0, lower: $0.term.lowercased()) }
        let asciiTerm = terms.map { $0.lower.isASCIIText }
        for (u, unit) in units.enumerated() {
            func visit(_ nodes: [Inline]) {
                for n in nodes {
                    switch n {
                    case .term(let id, _): seenLink.insert(id)
                    case .text(let t):
                        // Lower-casing gives ASCII letters only for ASCII letters (and for the few characters
                        // `hasCaseFoldingToASCII` lists), so an ASCII term is in `t.lowercased()` only when it is in
                        // `t` ignoring ASCII case, and a non-ASCII term never is when `t` is ASCII: the text is
                        // lower-cased only for a term that may be there.
                        let ascii = t.isASCIIText
                        let unsure = !ascii && t.hasCaseFoldingToASCII
                        var lowered: String?
                        for (k, (g, term)) in terms.enumerated() where !seenLink.contains(g.id) && !reported.contains(g.id) {
                            if asciiTerm[k] ? !unsure && !t.hasSubstring(ignoringASCIICase: term) : ascii { continue }
                            let lower = lowered ?? t.lowercased()
                            lowered = lower
                            guard lower.hasSubstring(term) && containsWord(lower, term) else { continue }
                            reported.insert(g.id)
                            hits.append(linked.contains(g.id)
                                ? Hit(unit: u, rule: .termBeforeGlossary, message: "'\(g.term)' is used here before the text links it to the glossary: link this first use as [\(g.term)](glossary:\(g.id)).")
                                : Hit(unit: u, rule: .termWithoutGlossary, message: "'\(g.term)' has a glossary entry but is never linked to it: write its first use as [\(g.term)](glossary:\(g.id))."))
                        }
                    case .emphasis(let c), .strong(let c), .link(_, let c): visit(c)
                    }
                }
            }
            visit(unit.rich.inlines)
        }
        return hits
    }

    static func containsWord(_ text: String, _ word: String) -> Bool {
        guard !word.isEmpty else { return false }
        var search = text[...]
        while let r = search.range(of: word) {
            let beforeOK = r.lowerBound == text.startIndex || !text[text.index(before: r.lowerBound)].isLetter
            let afterOK = r.upperBound == text.endIndex || !text[r.upperBound].isLetter
            if beforeOK && afterOK { return true }
            search = text[r.upperBound...]
        }
        return false
    }
}
