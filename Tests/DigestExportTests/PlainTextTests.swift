import ExportKit
import Foundation
import Testing
import TestSupport
import TrialModel
@testable import DigestExport

@Suite struct PlainTextTests {
    func patinaText() throws -> String {
        let files = try Fixture.exporter().render(try TestSupport.patina(), variant: "", worker: WorkerCache())
        #expect(files.map(\.path) == ["digest/patina.txt"])
        return String(decoding: try files[0].bytes(), as: UTF8.self)
    }

    @Test func patinaMatchesGolden() throws {
        try Fixture.expectGolden("patina.txt", Array(try patinaText().utf8))
    }

    @Test func everyPatinaNumberAppears() throws {
        let text = try patinaText()
        for n in TestSupport.patinaNumbers { #expect(text.contains(n), "missing \(n)") }
    }

    @Test func aChartForEveryNumericOutcome() throws {
        let item = try TestSupport.patina()
        let text = try patinaText()
        #expect(item.views.charts.count == 3)
        for chart in item.views.charts {
            for bar in chart.bars {
                // Bars end in `#`; percentages are a row of 10 marks (`########..`).
                let line = text.split(separator: "\n").first { $0.hasPrefix(bar.label) && $0.contains(bar.valueText)
                    && ($0.hasSuffix("#") || $0.hasSuffix(".")) }
                #expect(line != nil, "no bar for \(chart.outcomeID) / \(bar.label)")
            }
        }
        #expect(text.contains("Overall survival data were not yet mature"))
    }

    @Test func linesFitSeventyTwoColumnsExceptURLs() throws {
        for line in try patinaText().split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(TextWidth.of(line) <= 72 || TextWrap.isURL(line.split(separator: " ").last ?? ""), "\(line)")
            #expect(!line.hasSuffix(" "))
        }
    }

    @Test func readingOrderAndPlainTextConventions() throws {
        let text = try patinaText()
        let order = ["PATINA: adding palbociclib", "Key facts\n---------", "Who is this trial for?", "> Alice was diagnosed",
                     "Results: what they found", "Q: Is neutropenia", "A: Neutropenia", "The bottom line",
                     "Words used in this summary", "For information purposes only", "Reviewed 1 June 2026",
                     "[1] https://clinicaltrials.gov/study/NCT02947685", "[2] https://cleartrials.example.org/summaries/patina"]
        var last = text.startIndex
        for marker in order {
            guard let r = text.range(of: marker, range: last..<text.endIndex) else {
                Issue.record("'\(marker)' missing or out of order"); continue
            }
            last = r.upperBound
        }
        #expect(text.contains("±"), "UTF-8 kept, not transliterated")
        #expect(!text.contains("**") && !text.contains("]("), "no markdown syntax")
    }

    @Test func hostileTitleCannotBreakLines() throws {
        let item = try Fixture.variant(id: "x", title: "Evil\r\nFrom: a@b\u{2028}-- \u{85}\u{0}end")
        let text = PlainTextRenderer(settings: .defaults).text(item)
        let first = text.split(separator: "\n")[0]
        #expect(first == "Evil From: a@b -- end")
    }
}
