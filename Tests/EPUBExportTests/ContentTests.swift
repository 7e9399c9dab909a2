import EPUBExport
import ExportKit
import Foundation
import FoundationXML
import Testing
import TestSupport
import TrialModel

/// What the PATINA content document says: every number, charts with equivalent tables, escaped text.
@Suite struct ContentTests {
    static func patinaContent() throws -> FoundationXML.XMLElement {
        try EPUBFixture.xml(EPUBFixture.file(EPUBFixture.patinaEPUB(), "EPUB/summary.xhtml"))
    }

    @Test func everyPATINANumberIsInTheText() throws {
        let body = try #require(Self.patinaContent().descendants("body").first)
        // Text outside the SVGs, so numbers count only if a reader without images gets them too.
        let text = body.descendants("p").map(\.text).joined(separator: "\n") + body.descendants("dd").map(\.text).joined()
            + body.descendants("table").map(\.text).joined()
        for number in TestSupport.patinaNumbers {
            #expect(text.contains(number), "\(number) missing from the PATINA EPUB text")
        }
    }

    @Test func everyChartHasADataTableWithTheSameNumbers() throws {
        let patina = try TestSupport.patina()
        let root = try Self.patinaContent()
        let svgs = root.descendants("svg")
        #expect(svgs.count == patina.views.charts.count)
        let tables = Dictionary(uniqueKeysWithValues: root.descendants("table").map { ($0.attr("id") ?? "", $0) })
        for (svg, chart) in zip(svgs, patina.views.charts) {
            #expect(svg.attr("role") == "img")
            #expect(svg.attr("aria-labelledby") == "chart-\(chart.outcomeID)-title chart-\(chart.outcomeID)-desc")
            #expect(svg.descendants("title").first?.text == chart.title)
            #expect(svg.descendants("desc").first?.text == (chart.isPercentage ? chart.iconAltText : chart.altText))
            let table = try #require(tables[svg.attr("aria-describedby") ?? ""])
            #expect(table.descendants("caption").count == 1)
            #expect(table.descendants("th").allSatisfy { ["col", "row"].contains($0.attr("scope")) })
            let svgText = svg.descendants("text").map(\.text)
            for bar in chart.bars {
                #expect(svgText.contains(bar.valueText), "bar label \(bar.valueText) not in the chart")
                #expect(svgText.contains(bar.label))
                let row = try #require(table.descendants("tr").first { $0.descendants("th").first?.text == bar.label })
                #expect(row.descendants("td").first?.text == bar.valueText)
            }
            if let effect = chart.effectText {
                #expect(svgText.joined(separator: " ").contains(effect))
                #expect(table.text.contains(effect))
            }
        }
    }

    /// Percentages are icon arrays: per arm 100 circles, as many filled as the model's rounded count, and the
    /// natural frequencies in the data table.
    @Test func iconArraysFillTheRoundedCount() throws {
        let patina = try TestSupport.patina()
        let root = try Self.patinaContent()
        let arrays = root.descendants("svg").filter { $0.attr("class") == "icon-array" }
        let charts = patina.views.charts.filter(\.isPercentage)
        #expect(arrays.count == charts.count && !charts.isEmpty)
        for (svg, chart) in zip(arrays, charts) {
            let groups = svg.descendants("g").filter { $0.attr("class") == "marks" }
            #expect(groups.count == chart.bars.count)
            for (g, bar) in zip(groups, chart.bars) {
                // One square (`M…h…v…h…z`) per person in each path.
                func marks(_ kind: String) -> Int {
                    (g.descendants("path").first { $0.attr("class") == kind }?.attr("d") ?? "").filter { $0 == "M" }.count
                }
                #expect(marks("filled") + marks("empty") == 100)
                #expect(marks("filled") == bar.iconsFilled)
            }
            let table = try #require(root.descendants("table").first { $0.attr("id") == svg.attr("aria-describedby") })
            for bar in chart.bars { #expect(table.text.contains(bar.frequency!.peopleText)) }
        }
        #expect(charts.first?.bars.map(\.iconsFilled) == [80, 31])
    }

    @Test func maturityNoteAndRegistryLink() throws {
        let root = try Self.patinaContent()
        let maturity = root.descendants("p").filter { $0.attr("class") == "maturity" }.map(\.text)
        #expect(maturity.count == 1 && maturity[0].contains("not yet mature"))
        let links = root.descendants("a").compactMap { $0.attr("href") }
        #expect(links.contains("https://clinicaltrials.gov/study/NCT02947685"))
        #expect(links.contains("https://cleartrials.example.org/summaries/patina"))
    }

    @Test func termsLinkToTheGlossaryAndEveryLinkResolves() throws {
        let root = try Self.patinaContent()
        var all: Set<String> = []
        func collect(_ e: FoundationXML.XMLElement) {
            if let id = e.attr("id") { all.insert(id) }
            for case let c as FoundationXML.XMLElement in e.children ?? [] { collect(c) }
        }
        collect(root)
        let terms = root.descendants("a").filter { $0.attr("epub:type") == "glossref" }
        #expect(!terms.isEmpty)
        for a in terms {
            let href = try #require(a.attr("href"))
            #expect(href.hasPrefix("#") && all.contains(String(href.dropFirst())), "dangling glossary link \(href)")
        }
        let glossary = try #require(root.descendants("section").first { $0.attr("id") == "glossary" })
        #expect(glossary.descendants("dt").map(\.text).contains("Hazard ratio"))
    }

    @Test func orderFollowsTheHandout() throws {
        let body = try #require(Self.patinaContent().descendants("body").first)
        let h2 = body.descendants("h2").map(\.text)
        #expect(h2.first == "Key facts")
        #expect(Array(h2.suffix(3)) == ["Glossary", "For information purposes only", "About this summary"])
        #expect(body.descendants("h1").map(\.text) == [try TestSupport.patina().summary.title])
    }

    @Test func markupInTextIsEscapedAndLinksNeverNest() throws {
        var s = try TestSupport.patina().summary
        s.title = "A <b>bold</b> & \"quoted\" title ]]> <!-- x -->"
        s.lead = RichText([.link(url: "https://example.org/?a=1&b=<2>", children: [
            .text("see "), .term(id: "hazard-ratio", children: [.text("hazard ratio")]),
        ])])
        let item = LoadedSummary(summary: s, sourcePath: "x.yaml", sourceBytes: [])
        let epub = try EPUBFixture.exporter().render(item, variant: "", worker: WorkerCache())[0].bytes()
        let root = try EPUBFixture.xml(EPUBFixture.file(epub, "EPUB/summary.xhtml"))
        #expect(root.descendants("h1").first?.text == s.title)
        #expect(root.descendants("title").first?.text == s.title)
        let lead = try #require(root.descendants("p").first { $0.attr("class") == "lead" })
        #expect(lead.descendants("a").count == 1)
        #expect(lead.descendants("a").first?.attr("href") == "https://example.org/?a=1&b=<2>")
        #expect(lead.text == "see hazard ratio")
    }
}
