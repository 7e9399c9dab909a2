import ExportKit
import TrialModel

/// One summary as plain text, complete and in reading order: title, lead, key facts, every section and
/// block (charts where the results place them), the glossary of the terms used, the disclaimer, the review
/// date and the link to the web page, then the numbered link list. The pieces are shared with
/// `DigestComposer`, which uses a shorter selection of them.
struct PlainTextRenderer: Sendable {
    let settings: Settings

    /// The `.txt` file: lines of at most 72 columns (URLs excepted), LF line ends, UTF-8.
    func text(_ item: LoadedSummary) -> String {
        document(item).wrappedLines.joined(separator: "\n") + "\n"
    }

    func document(_ item: LoadedSummary) -> TextDocument {
        let s = item.summary
        let w = item.views.words
        var doc = TextDocument()
        var refs = References()
        var placed = Set<String>()

        // The model's content plan: outcomes no section places come under "More results", so no number is
        // ever left out.
        for part in item.views.plan.parts {
            switch part {
            case .title: Self.titleBlock(item, into: &doc, refs: &refs)
            case .keyFacts: Self.keyFacts(item, into: &doc)
            case .section(let i):
                let section = s.sections[i]
                doc.heading(section.heading, underline: "-")
                Self.blocks(section.blocks, item, into: &doc, refs: &refs, placed: &placed)
            case .outcomes(let group, let ids):
                doc.heading(group.heading(in: w), underline: "-")
                Self.blocks(ids.map { .outcome($0) }, item, into: &doc, refs: &refs, placed: &placed)
            case .glossary:
                guard !item.views.usedGlossary.isEmpty else { continue }
                doc.heading(w[.wordsUsed], underline: "-")
                doc.blank()
                for entry in item.views.usedGlossary {
                    doc.paragraph(PlainText.clean(entry.term) + ": " + InlineText.render(entry.definition, &refs), first: "- ", rest: "  ")
                }
            case .about:
                doc.blank()
                doc.paragraph(w.text(.reviewedSentence, s.reviewed.text(in: w), w.integer(s.version)))
                doc.paragraph(w.text(.readOnSite, settings.siteName) + " [\(refs.number(for: settings.pageURL(for: s.id)))]")
            }
        }
        refs.write(to: &doc)
        return doc
    }

    // MARK: - Shared pieces

    /// Title underlined with `=`, the category line, the lead.
    static func titleBlock(_ item: LoadedSummary, into doc: inout TextDocument, refs: inout References) {
        let s = item.summary
        let w = item.views.words
        doc.heading(s.title, underline: "=")
        doc.paragraph("\(s.category.title(in: w)) | \(s.cancerType) | \(item.views.readingTime.text(in: w))")
        doc.blank()
        doc.paragraph(InlineText.render(s.lead, &refs))
    }

    static func keyFacts(_ item: LoadedSummary, into doc: inout TextDocument) {
        let k = item.views.keyFacts
        let w = item.views.words
        doc.heading(w[.keyFacts], underline: "-")
        doc.blank()
        for fact in k.facts { doc.paragraph(w.text(.labelValue, fact.label, fact.value), first: "- ", rest: "  ") }
        if let main = k.mainResult { doc.paragraph(w.text(.labelValue, w[.mainResult], main), first: "- ", rest: "  ") }
    }

    // MARK: - Blocks

    static func blocks(_ blocks: [Block], _ item: LoadedSummary, into doc: inout TextDocument,
                       refs: inout References, placed: inout Set<String>) {
        let s = item.summary
        let w = item.views.words
        for block in blocks {
            switch block {
            case .paragraph(let r):
                doc.blank()
                doc.paragraph(InlineText.render(r, &refs))
            case .list(let items):
                doc.blank()
                for i in items { doc.paragraph(InlineText.render(i, &refs), first: "- ", rest: "  ") }
            case .subheading(let t):
                doc.heading(t, underline: nil)
            case .questionAnswer(let qa):
                doc.blank()
                // The prefixes differ in width by language ("Q: ", "问："); continuation lines indent to match.
                let q = w[.question], a = w[.answer]
                let qIndent = String(repeating: " ", count: TextWidth.of(q)), aIndent = String(repeating: " ", count: TextWidth.of(a))
                doc.paragraph(qa.question, first: q, rest: qIndent)
                for (i, answer) in qa.answer.enumerated() {
                    if i > 0 { doc.blank() }
                    doc.paragraph(InlineText.render(answer, &refs), first: i == 0 ? a : aIndent, rest: aIndent)
                }
            case .quote(let q):
                doc.blank()
                for (i, p) in q.paragraphs.enumerated() {
                    if i > 0 { doc.fixed(">") }
                    doc.paragraph(InlineText.render(p, &refs), first: "> ", rest: "> ")
                }
                if let who = q.attribution { doc.paragraph("— " + who, first: "  ", rest: "    ") }
            case .outcome(let id):
                guard let o = s.outcome(id) else { continue }
                placed.insert(id)
                outcome(o, item, into: &doc, refs: &refs)
            case .registryLink:
                doc.blank()
                for r in s.trial.registryIDs {
                    doc.paragraph(w.text(.lookUpTrialOn, r.registry.rawValue, r.value) + " [\(refs.number(for: r.url))]")
                }
            }
        }
    }

    /// An outcome: its chart when it has values, otherwise its heading and maturity note.
    static func outcome(_ o: Outcome, _ item: LoadedSummary, into doc: inout TextDocument, refs: inout References) {
        let explanation = o.explanation.map { InlineText.render($0, &refs) }
        if let chart = item.views.chart(for: o.id) {
            let finding = o.finding.map { InlineText.render($0, &refs) }
            TextChart.render(chart, explanation: explanation, finding: finding, into: &doc)
            if let m = o.maturity { doc.blank(); doc.paragraph(InlineText.render(m, &refs)) }
        } else {
            doc.heading(o.label, underline: nil)
            if let explanation { doc.paragraph(explanation) }
            doc.blank()
            doc.paragraph(o.maturity.map { InlineText.render($0, &refs) } ?? item.views.words[.noResultsForOutcome])
        }
    }
}
