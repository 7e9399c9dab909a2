import ExportKit
import Foundation
import TrialModel

/// Turns a summary into measured flow items in the order of the model's content plan: the full plan
/// (title, lead, key facts, the sections in source order with charts where the results refer to
/// outcomes, outcomes no section places, the glossary of terms used, the disclaimer, the "read online"
/// block with its QR code), or, for a brief layout, its two-page selection.
struct HandoutComposer {
    let item: LoadedSummary
    let settings: Settings
    let styles: StyleSheet
    let fonts: FontSetup

    private var width: Double { styles.layout.contentWidth }
    private var colours: PageLayout.Colours { styles.layout.colours }
    private var body: Double { styles.layout.type.body }
    private var brief: Bool { styles.layout.content == .brief }
    /// The brief is set a little tighter, so one sheet holds it.
    private var figureSpace: Double { body * (brief ? 1.0 : 1.4) }

    func compose() -> [FlowItem] {
        let s = item.summary
        let w = item.views.words
        let plan = styles.layout.content == .brief ? item.views.brief : item.views.plan
        var out: [FlowItem] = []
        var rule = 0
        for part in plan.parts {
            switch part {
            case .title(let lead):
                let kind = w[styles.layout.content == .brief ? .briefSummary : .plainLanguageSummary]
                out.append(TextItem(text(StyledText(w.text(.handoutKicker, settings.siteName, kind, s.category.title(in: w))),
                                         styles.small)))
                out.append(TextItem(text(StyledText(s.title), styles.title), spaceBefore: body * 0.5, tag: "H1"))
                if lead {
                    // The brief sets the lead at text size: one sheet holds more.
                    let style = brief ? styles.body : styles.lead
                    out.append(TextItem(text(.rich(s.lead, linkColour: colours.accent), style), spaceBefore: body * 0.8))
                }
            case .keyFacts:
                out.append(keyFacts())
            case .section(let i):
                out += sectionItems(s.sections[i], rule: &rule)
            case .outcomes(let group, let ids):
                out.append(heading(group.heading(in: w), styles.heading, tag: "H2", level: 1))
                for id in ids { out += outcome(id) }
            case .glossary:
                out += glossary()
            case .about:
                out.append(onlineBlock())
            }
        }
        return out
    }

    /// Whether the text ends in a colon, white space (Unicode's space separators and tab, what
    /// `CharacterSet.whitespaces` holds) aside. A scan of the last scalars: Foundation's trimming cost
    /// ~16,000 instructions a paragraph.
    static func introducesWhatFollows(_ text: String) -> Bool {
        for scalar in text.unicodeScalars.reversed() {
            if scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator { continue }
            return scalar == ":"
        }
        return false
    }

    // MARK: Building blocks

    private func text(_ content: StyledText, _ style: TextStyle, width w: Double? = nil) -> TextBlock {
        TextBlock.laidOut(content, style: style, width: w ?? width, fonts: fonts)
    }

    private func heading(_ title: String, _ style: TextStyle, tag: String, level: Int) -> FlowItem {
        let h = TextItem(text(StyledText(title), style), tag: tag)
        h.keepWithNext = true
        h.outline = (level, title)
        return h
    }

    private func paragraph(_ rich: RichText, style: TextStyle? = nil) -> FlowItem {
        TextItem(text(.rich(rich, linkColour: colours.accent), style ?? styles.body))
    }

    private func keyFacts() -> FlowItem {
        let padding = body * (brief ? 0.7 : 0.9)
        let inner = width - padding * 2
        var facts = item.views.keyFacts.facts.filter { !brief || $0.inBrief }.map { ($0.label, StyledText($0.value)) }
        let w = item.views.words
        // Found by position in the model's facts (the brief filters some out), never by the English label.
        let shown = item.views.keyFacts.facts.indices.filter { !brief || item.views.keyFacts.facts[$0].inBrief }
        func row(_ index: Int?) -> Int? { index.flatMap { shown.firstIndex(of: $0) } }
        if let link = item.summary.trial.publication?.link, let i = row(item.views.keyFacts.publishedIn) {
            facts[i].1.append("\n")   // the address on a line of its own, never broken at a slash or dot
            facts[i].1.appendLink(link, url: link, linkColour: colours.accent)
        }
        if let i = row(item.views.keyFacts.registryID) {
            // Each ID links to its registry entry (the brief has no registry-link block of its own).
            var ids = StyledText("")
            for (n, id) in item.summary.trial.registryIDs.enumerated() {
                if n > 0 { ids.append(", ") }
                ids.appendLink(id.value, url: id.url, linkColour: colours.accent)
            }
            facts[i].1 = ids
        }
        // The brief shows the main result's chart right below: the facts box need not repeat it.
        if let main = item.views.keyFacts.mainResult, styles.layout.content == .full { facts.append((w[.mainResult], StyledText(main))) }
        let labels = facts.map { text(StyledText($0.0), styles.label, width: inner) }
        let labelWidth = min(inner * 0.36, (labels.map(\.usedWidth).max() ?? 0) + body)
        let rows = zip(labels, facts).map { label, fact in (label, text(fact.1, styles.body, width: inner - labelWidth)) }
        let heading = text(StyledText(w[.keyFacts]), styles.subheading.withColour(colours.accent), width: inner)
        let box = FramedBox(.table, heading: heading, rows: rows.map { ($0.0, $0.1) }, labelWidth: labelWidth,
                            padding: padding, rowGap: body * (brief ? 0.2 : 0.35), frame: colours.accent,
                            spaceBefore: body * 1.2)
        box.outline = (1, w[.keyFacts])
        return box
    }

    private func sectionItems(_ section: Section, rule: inout Int) -> [FlowItem] {
        var out: [FlowItem] = [heading(section.heading, styles.heading, tag: "H2", level: 1)]
        for block in section.blocks {
            switch block {
            case .paragraph(let r):
                let p = paragraph(r)
                // "People in the trial had:" introduces what follows; never leave it alone at a page end.
                p.keepWithNext = HandoutComposer.introducesWhatFollows(r.plainText)
                out.append(p)
            case .list(let entries):
                out += list(entries.map { StyledText.rich($0, linkColour: colours.accent) })
            case .subheading(let t):
                out.append(heading(t, styles.subheading, tag: "H3", level: 2))
            case .questionAnswer(let qa):
                out.append(heading(qa.question, styles.subheading, tag: "H3", level: 2))
                out += qa.answer.map { paragraph($0) }
            case .quote(let q):
                rule += 1
                out += quote(q, group: rule)
            case .outcome(let id):
                out += outcome(id)
            case .registryLink:
                out.append(registryLink())
            }
        }
        return out
    }

    /// Bulleted items with a hanging indent; the list is one `L` with an `LI` per item.
    private func list(_ entries: [StyledText]) -> [FlowItem] {
        let indent = body * 1.5
        // One bullet for all the items: a block is only read when drawn.
        let bullet = text(StyledText("•"), styles.body)
        let items: [FlowItem] = entries.enumerated().map { i, entry in
            TextItem(text(entry, styles.body, width: width - indent), indent: indent, bullet: bullet,
                            spaceBefore: i == 0 ? styles.body.spaceBefore : body * 0.35, tag: "LI")
        }
        items.first?.openTags = ["L"]
        items.last?.closeTags += 1
        return items
    }

    /// A set-off quote: indented, with an accent rule down its left side and the speaker below.
    private func quote(_ q: Quote, group: Int) -> [FlowItem] {
        let indent = body * 1.4
        var items: [FlowItem] = q.paragraphs.map {
            TextItem(text(.rich($0, linkColour: colours.accent), styles.quote, width: width - indent), indent: indent)
        }
        if let who = q.attribution {
            items.append(TextItem(text(StyledText("— " + who), styles.attribution, width: width - indent), indent: indent))
        }
        for i in items { i.ruleGroup = group; i.ruleColour = colours.accent }
        items.first?.openTags = ["BlockQuote"]
        items.last?.closeTags += 1
        return items
    }

    /// The outcome's chart, or, when it has no values yet, its heading and maturity note.
    private func outcome(_ id: String) -> [FlowItem] {
        guard var o = item.summary.outcome(id) else { return [] }
        if let chart = item.views.chart(for: id) {
            // The brief's charts carry their plain titles; the longer explanation is in the full handout.
            if brief { o.explanation = nil }
            if chart.isPercentage && styles.layout.percentages == .icons {
                return [IconArrayItem(chart, outcome: o, styles: styles, fonts: fonts, width: width, spaceBefore: figureSpace,
                                      finding: !(brief && o.role == .safety))]
            }
            return [ChartItem(chart, outcome: o, styles: styles, fonts: fonts, width: width, spaceBefore: figureSpace)]
        }
        let w = item.views.words
        var note = StyledText(w[.noResultsYet], .bold)
        note.append(.rich(o.maturity ?? RichText(w[.resultsNotReported]), linkColour: colours.accent))
        var out = [heading(o.label, styles.subheading, tag: "H3", level: 2)]
        if let e = o.explanation { out.append(paragraph(e)) }
        out.append(TextItem(text(note, styles.body)))
        return out
    }

    private func registryLink() -> FlowItem {
        let w = item.views.words
        var s = StyledText(w[.lookUpTrial], .bold)
        for (i, id) in item.summary.trial.registryIDs.enumerated() {
            if i > 0 { s.append(w[.groupSeparator]) }
            s.append(w.text(.registryOnLine, id.value, id.registry.rawValue) + "\n")
            // On a line of its own, so the printed address is never broken at a slash.
            s.appendLink(id.url, url: id.url, linkColour: colours.accent)
        }
        return TextItem(text(s, styles.body))
    }

    /// "Words used in this summary": a framed box with each term in bold and its definition.
    private func glossary() -> [FlowItem] {
        let entries = item.views.usedGlossary
        guard !entries.isEmpty else { return [] }
        let padding = body * 0.9
        let inner = width - padding * 2
        let rows: [(TextBlock?, TextBlock)] = entries.map { entry in
            var s = StyledText(entry.term, .bold)
            s.append(item.views.words[.termSeparator])
            s.append(entry.definition, linkColour: colours.accent)
            return (nil, text(s, styles.body, width: inner))
        }
        let title = item.views.words[.wordsUsed]
        let heading = text(StyledText(title), styles.subheading.withColour(colours.accent), width: inner)
        let box = FramedBox(.list, heading: heading, rows: rows, labelWidth: 0, padding: padding, rowGap: body * 0.45,
                            frame: colours.accent, spaceBefore: body * 1.6)
        box.outline = (1, title)
        return [box]
    }

    private func onlineBlock() -> FlowItem {
        let url = settings.pageURL(for: item.summary.id)
        let side = PageLayout.mm(styles.layout.largePrint ? 34 : 28)
        let w = item.views.words
        var s = StyledText(w[.readOnline], .bold)
        s.append("\n")
        s.appendLink(url, url: url, linkColour: colours.accent)
        s.append("\n" + w.text(.reviewedBy, item.summary.reviewed.text(in: w), settings.publisher))
        let block = text(s, styles.body, width: width - side * 1.12)
        guard let matrix = QRMatrix.memoised(url) else { return TextItem(block) }
        return QRItem(matrix: matrix, url: url, text: block, side: side, colour: styles.layout.colours.text,
                      spaceBefore: body * 1.6, alt: w.text(.qrCodeAlt, url))
    }
}

extension TextStyle {
    func withColour(_ c: RGB) -> TextStyle {
        var s = self
        s.colour = c
        return s
    }
}
