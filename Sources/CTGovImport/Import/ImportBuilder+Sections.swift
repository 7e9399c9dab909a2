import Foundation
import TrialModel

extension ImportBuilder {
    func sectionList(outcomes: [Outcome], fallbackLead: String, summaryParagraphs: [String]) -> [Section] {
        var sections: [Section] = []
        func add(_ kind: Section.Kind, _ heading: String, _ blocks: [Block], draftNote: String?) {
            if let draftNote { draft("sections[\(sections.count)].content", draftNote) }
            sections.append(Section(id: Slug.make(heading), kind: kind, heading: heading, blocks: blocks))
        }
        let background = summaryParagraphs.isEmpty ? [fallbackLead] : summaryParagraphs
        add(.background, "About this trial", background.map { .paragraph(RichText($0)) },
            draftNote: "the registry's brief summary; rewrite in plain language")
        if let criteria = proto.eligibilityModule?.eligibilityCriteria {
            let blocks = Eligibility.blocks(criteria, repair: { self.paragraphs($0, at: "sections[\(sections.count)].content") })
            if !blocks.isEmpty {
                add(.whoFor, "Who could take part", blocks, draftNote: "the registry's eligibility criteria; rewrite in plain language")
            }
        }
        var results: [Block] = outcomes.map { .outcome($0.id) }
        if outcomes.isEmpty { results.append(.paragraph("No results have been posted on ClinicalTrials.gov yet.")) }
        results.append(.registryLink)
        add(.results, "Results", results, draftNote: nil)
        add(.disclaimer, "About this summary",
            [.paragraph(RichText("This summary was drafted from the ClinicalTrials.gov record \(proto.identificationModule.nctId) and has not yet been reviewed."))],
            draftNote: "replace with the site's disclaimer once an editor has reviewed the summary")
        return sections
    }
}

/// Eligibility criteria as the registry writes them ("Inclusion Criteria:", then `*` or `1.` items) turned
/// into subheadings and lists; text that is not a list stays a paragraph.
enum Eligibility {
    static func blocks(_ text: String, repair: (String) -> [String]) -> [Block] {
        var blocks: [Block] = []
        var items: [RichText] = []
        func flush() { if !items.isEmpty { blocks.append(.list(items)); items = [] } }
        let cleaned = repair(text.replacingOccurrences(of: "\n", with: "\n\n")).filter { !$0.isEmpty }
        for raw in cleaned {
            if let item = listItem(raw) {
                if !item.isEmpty { items.append(RichText(item)) }
            } else if raw.hasSuffix(":"), raw.count <= 60 {
                flush()
                blocks.append(.subheading(String(raw.dropLast())))
            } else {
                flush()
                blocks.append(.paragraph(RichText(raw)))
            }
        }
        flush()
        return blocks
    }

    /// `* item`, `- item`, `• item`, `1. item`, `1) item` without the marker; nil when the line is not an item.
    static func listItem(_ line: String) -> String? {
        for marker in ["* ", "- ", "• ", "+ "] where line.hasPrefix(marker) { return String(line.dropFirst(2)).trimmingCharacters(in: .whitespaces) }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 3 {
            let rest = line.dropFirst(digits.count)
            if rest.hasPrefix(". ") || rest.hasPrefix(") ") { return String(rest.dropFirst(2)).trimmingCharacters(in: .whitespaces) }
        }
        return nil
    }
}
