import TrialModel
import XMLKit

/// The data table after every chart: the same numbers as the bars and the effect line, as text a screen
/// reader can walk cell by cell (`<caption>`, `<th scope>`).
enum ChartTable {
    static func write(_ chart: ChartSeries, outcome: Outcome, id: String, into parent: XMLBuilder.Element) {
        let table = parent.element("table", ["id": id, "class": "chart-data"])
        // In a paragraph, so converters that ignore <caption> still end it before the table.
        table.element("caption").element("p", text: "Numbers in the chart: \(chart.title)")
        let head = table.element("thead").element("tr")
        head.element("th", ["scope": "col"], text: "Group")
        head.element("th", ["scope": "col"], text: "Result")
        let body = table.element("tbody")
        for bar in chart.bars {
            let row = body.element("tr")
            row.element("th", ["scope": "row"], text: bar.label)
            row.element("td", ["class": "number"], text: bar.valueText)
        }
        if let effect = chart.effectText {
            let row = table.element("tfoot").element("tr")
            row.element("th", ["scope": "row"], text: "Comparison between groups")
            let meaning = outcome.effect?.meaning.map { ": \($0)" } ?? ""
            row.element("td", text: effect + meaning)
        }
    }
}
