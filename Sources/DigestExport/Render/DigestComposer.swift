import ExportKit
import TrialModel

/// The newsletter body: an introduction and contents, then each summary shortened to its title, lead,
/// key facts, main result (primary outcome with its bar chart), bottom line and the link to the full page,
/// then the disclaimer and the visible unsubscribe lines above the `-- ` signature (clients grey out or
/// hide what follows it).
struct DigestComposer: Sendable {
    let settings: Settings

    func document(_ items: [LoadedSummary], date: Day) -> TextDocument {
        var doc = TextDocument()
        let w = Self.words(items)
        doc.heading(Self.newsletterName(settings), underline: "=")
        doc.blank()
        doc.paragraph(w.text(.digestIntro, w.plural(.newSummaries, items.count), settings.siteName, date.text(in: w)))
        if items.count > 1 {
            doc.blank()
            doc.paragraph(w[.digestInThisIssue])
            for item in items { doc.paragraph(item.summary.title, first: "- ", rest: "  ") }
        }
        for (i, item) in items.enumerated() {
            doc.blank()
            if i > 0 { doc.fixed("* * *"); doc.blank() }
            doc.append(Self.summary(item, settings: settings))
        }
        footer(into: &doc, words: w)
        return doc
    }

    /// The newsletter's own words: the language its summaries share (English for a mixed selection).
    static func words(_ items: [LoadedSummary]) -> Messages { Messages.common(items.map(\.summary.language)) }

    /// The newsletter's name: the subject setting, or the site name when that is blank.
    static func newsletterName(_ s: Settings) -> String {
        let subject = HeaderText.sanitize(s[section: NewsletterSettings.self].subject)
        return subject.isEmpty ? HeaderText.sanitize(s.siteName) : subject
    }

    /// One summary, shortened; its link numbers start at [1] and are listed right after it.
    static func summary(_ item: LoadedSummary, settings: Settings) -> TextDocument {
        let s = item.summary
        let w = item.views.words
        var doc = TextDocument()
        var refs = References()
        var placed = Set<String>()
        PlainTextRenderer.titleBlock(item, into: &doc, refs: &refs)
        PlainTextRenderer.keyFacts(item, into: &doc)
        if let main = item.views.mainOutcome.flatMap(s.outcome) {
            doc.heading(w[.mainResult], underline: "-")
            PlainTextRenderer.outcome(main, item, into: &doc, refs: &refs)
        }
        for section in s.sections where section.kind == .bottomLine {
            doc.heading(section.heading, underline: "-")
            PlainTextRenderer.blocks(section.blocks, item, into: &doc, refs: &refs, placed: &placed)
        }
        doc.blank()
        doc.paragraph(w[.readFullSummary] + " [\(refs.number(for: settings.pageURL(for: s.id)))]")
        refs.write(to: &doc)
        return doc
    }

    private func footer(into doc: inout TextDocument, words w: Messages) {
        let n = settings[section: NewsletterSettings.self]
        doc.blank()
        doc.fixed("* * *")
        doc.blank()
        doc.paragraph(w[.digestDisclaimer])
        doc.blank()
        doc.paragraph(w.text(.digestSubscribed, settings.siteName))
        doc.fixed(PlainText.clean(n.unsubscribeURL))
        doc.paragraph(w[.digestUnsubscribeOr])
        doc.fixed(PlainText.clean(n.unsubscribeMailto))
        doc.blank()
        doc.signatureSeparator()
        doc.paragraph(settings.publisher)
        doc.fixed(PlainText.clean(settings.baseURL))
    }
}
