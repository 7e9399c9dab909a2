import TrialModel
import XMLKit

extension ContentDocument {
    // MARK: - Blocks

    /// Every block kind, exhaustively: a new kind fails to compile here until the EPUB handles it.
    func writeBlock(_ block: Block, into section: XMLBuilder.Element, headingLevel: Int) {
        switch block {
        case .paragraph(let text):
            richText(text, into: section.element("p"))
        case .list(let items):
            let ul = section.element("ul")
            for entry in items { richText(entry, into: ul.element("li")) }
        case .subheading(let title):
            section.element("h\(headingLevel)", text: title)
        case .questionAnswer(let qa):
            let box = section.element("section", ["class": "qa"])
            box.element("h\(headingLevel)", text: qa.question)
            for paragraph in qa.answer { richText(paragraph, into: box.element("p")) }
        case .quote(let quote):
            let figure = section.element("figure", ["class": "quote"])
            let blockquote = figure.element("blockquote")
            for paragraph in quote.paragraphs { richText(paragraph, into: blockquote.element("p")) }
            // Caption text in a paragraph: readers and converters that know no figcaption still see a block.
            if let who = quote.attribution { figure.element("figcaption").element("p", text: "— " + who) }
        case .outcome(let id):
            // Validation guarantees the outcome exists; a dangling id is skipped rather than crashing a batch.
            if let outcome = summary.outcome(id) { writeOutcome(outcome, into: section, headingLevel: headingLevel) }
        case .registryLink:
            for rid in summary.trial.registryIDs {
                let p = section.element("p", ["class": "registry"])
                p.text(words[.lookUpTrial])
                p.element("a", ["href": rid.url], text: words.text(.registryOn, rid.value, rid.registry.rawValue))
            }
        }
    }

    /// An outcome: heading, explanation, then its chart (inline SVG, caption, data table) or its maturity note.
    func writeOutcome(_ o: Outcome, into parent: XMLBuilder.Element, headingLevel: Int) {
        let box = parent.element("section", ["id": scope.outcome(o.id), "class": "outcome"])
        box.element("h\(headingLevel)", text: o.label)
        if let explanation = o.explanation { richText(explanation, into: box.element("p")) }
        if let chart = item.views.chart(for: o.id) {
            let figure = box.element("figure", ["id": scope.chart(o.id), "class": "chart"])
            if chart.isPercentage {
                SVGIconArray(chart: chart, scope: scope).write(into: figure)
            } else {
                SVGChart(chart: chart, scope: scope).write(into: figure)
            }
            hasSVG = true
            let caption = figure.element("figcaption").element("p")
            if let finding = o.finding { richText(finding, into: caption) } else { caption.text(chart.caption) }
            if let frequencies = chart.frequencySentence { caption.text(" " + frequencies) }
            ChartTable.write(chart, outcome: o, id: scope.chartTable(o.id), into: box)
        } else if let finding = o.finding {
            richText(finding, into: box.element("p"))
        }
        if let maturity = o.maturity { richText(maturity, into: box.element("p", ["class": "maturity"])) }
    }
}
