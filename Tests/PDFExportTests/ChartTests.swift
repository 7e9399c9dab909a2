import Testing
@testable import PDFExport
import TestSupport
import TrialModel

@Suite struct ChartTests {
    @Test func ticksStartAtZeroInRoundSteps() {
        #expect(ChartSeries.tickValues(max: 50) == [0, 10, 20, 30, 40, 50])
        #expect(ChartSeries.tickValues(max: 100) == [0, 20, 40, 60, 80, 100])
        #expect(ChartSeries.tickValues(max: 2.5) == [0, 0.5, 1, 1.5, 2, 2.5])
        #expect(NumberText.plain(2.5) == "2.5" && NumberText.plain(20) == "20")
    }

    @Test func patinaHasAChartPerOutcomeWithValuesAndANoteForOverallSurvival() throws {
        let (url, _) = try Handout.patina("a4")
        let text = try TestSupport.run("pdftotext", ["-layout", url.path, "-"]).stdout
        #expect(text.contains("No results yet. Overall survival data were not yet mature"))
        for axis in ["Months (axis starts at 0; longer bars are better)", "Each square is 1 person in 100. Fewer filled marks are better."] { #expect(text.contains(axis)) }
        let figures = try TestSupport.run("pdfinfo", ["-struct", url.path]).stdout
            .split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("Figure") }
        #expect(figures.count == 4)   // three charts and the QR code
    }

    @Test func qrCodeEncodesThePageURL() throws {
        let m = try #require(QRMatrix("https://cleartrials.example.org/summaries/patina"))
        #expect(m.size >= 21 && (m.size - 17) % 4 == 0)
        // Finder pattern: the top-left 7×7 corner has a dark border.
        #expect((0..<7).allSatisfy { m[$0, 0] && m[0, $0] })
    }

    /// The memo gives the matrix a fresh encoding gives, and encodes a text once while it is among the recent ones.
    @Test func qrMemoGivesTheSameMatrixOnce() throws {
        let memo = QRMemo()
        let url = "https://cleartrials.example.org/summaries/patina"
        let fresh = try #require(QRMatrix(url))
        for _ in 0..<3 {
            let m = try #require(memo.matrix(url))
            #expect(m.size == fresh.size && m.dark == fresh.dark)
        }
        #expect(memo.encoded == 1)
        for i in 0..<QRMemo.capacity { _ = memo.matrix("s\(i)") }
        #expect(memo.matrix(url)?.dark == fresh.dark)
        #expect(memo.encoded == QRMemo.capacity + 2)   // pushed out by the others, encoded again
        #expect(memo.matrix("s\(QRMemo.capacity - 1)") != nil && memo.encoded == QRMemo.capacity + 2)
        #expect(QRMatrix.memoised(url)?.dark == fresh.dark)
    }
}
