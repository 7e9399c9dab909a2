import TrialModel
import XMLKit

/// The data table after every chart: the same numbers as the bars and the effect line, as text a screen
/// reader can walk cell by cell (`<caption>`, `<th scope>`).
enum ChartTable {
    static func write(_ chart: ChartSeries, outcome: Outcome, id: String, into parent: XMLBuilder.Element) {
        let table = parent.element("table", ["id": id, "class": "chart-data"])
        // In a paragraph, so converters that ignore <caption> still end it before the table.
        let w = chart.words
        table.element("caption").element("p", text: w.text(.tableCaption, chart.title))
        let head = table.element("thead").element("tr")
        head.element("th", ["scope": "col"], text: w[.tableGroup])
        head.element("th", ["scope": "col"], text: w[.tableResult])
        if chart.isPercentage { head.element("th", ["scope": "col"], text: w[.tableInPeople]) }
        let body = table.element("tbody")
        for bar in chart.bars {
            let row = body.element("tr")
            row.element("th", ["scope": "row"], text: bar.label)
            row.element("td", ["class": "number"], text: bar.valueText)
            if let f = bar.frequency { row.element("td", text: f.peopleText(in: w)) }
        }
        if let effect = chart.effectText {
            let row = table.element("tfoot").element("tr")
            row.element("th", ["scope": "row"], text: w[.tableComparison])
            let cell = row.element("td", text: outcome.effect?.meaning.map { w.text(.labelValue, effect, $0) } ?? effect)
            if chart.isPercentage { cell.set("colspan", "2") }
        }
    }
}
