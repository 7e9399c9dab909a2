import Foundation
import Testing
import TestSupport
@testable import TrialLint
import TrialModel

/// The output joined from parts written on the lint workers (`LintOutput.output`) is byte for byte the output
/// written in one call (`text`, `json`, `sarif`), whatever the reports hold.
@Suite struct RenderedOutputTests {
    /// Fixtures (one finding each, drafts among them), PATINA, and samples in every language.
    static func summaries() throws -> [LoadedSummary] {
        let folder = TestSupport.repoRoot.appendingPathComponent("Tests/TrialLintTests/Fixtures")
        let lib = Library.load(paths: [folder.path, TestSupport.summariesFolder.path], recordingPositions: true)
        let samples = Language.allCases.flatMap { language in (0..<4).map { TestSupport.sample(language, index: $0) } }
        return lib.summaries + samples
    }

    static func oneCall(_ reports: [LintReport], _ format: LintOutput.Format) throws -> Data {
        switch format {
        case .text: Data(LintOutput.text(reports, settings: .defaults).utf8)
        case .json: try LintOutput.json(reports) + Data("\n".utf8)
        case .sarif: try LintOutput.sarif(reports, toolVersion: "9.9.9") + Data("\n".utf8)
        }
    }

    /// The marker search (Horspool) finds what a plain scan finds: the only occurrence, overlapping ones counted.
    @Test func onlyRangeFindsWhatAPlainScanFinds() {
        func plain(_ n: [UInt8], _ b: [UInt8]) -> Range<Int>? {
            guard !n.isEmpty, b.count >= n.count else { return nil }
            let hits = (0...(b.count - n.count)).filter { Array(b[$0..<($0 + n.count)]) == n }
            return hits.count == 1 ? hits[0]..<(hits[0] + n.count) : nil
        }
        var state: UInt64 = 5
        func next(_ k: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(k))
        }
        for _ in 0..<3000 {
            let needle = (0..<(1 + next(5))).map { _ in UInt8(97 + next(3)) }
            let bytes = (0..<next(40)).map { _ in UInt8(97 + next(3)) }
            #expect(JSONSplice.onlyRange(of: needle, in: bytes) == plain(needle, bytes), "\(needle) in \(bytes)")
        }
    }

    /// A report's document with its Annex V items spliced in (the second time a list is met) is the document the
    /// encoder writes for it; so is the first, written whole.
    @Test func annexVItemsSplicedInGiveTheEncodersDocument() throws {
        let reports = Linter().lint(try Self.summaries())
        let parts = AnnexVParts()
        let encoder = LintOutput.jsonEncoder()
        for round in 0..<2 {
            for r in reports {
                let spliced = try #require(parts.document(r))
                #expect(spliced == (try encoder.encode(["summaries": [r]])), "\(r.file), round \(round)")
            }
        }
        #expect(Set(reports.map(\.annexV)).count < reports.count)   // lists repeat: the second round splices
    }

    @Test(arguments: LintOutput.Format.allCases)
    func joinedPartsEqualTheOutputWrittenInOneCall(format: LintOutput.Format) throws {
        let summaries = try Self.summaries()
        #expect(summaries.count > 40)
        let rendered = Linter().lint(summaries, rendering: format)
        #expect(rendered.allSatisfy { $0.part != nil })
        let reports = rendered.map(\.report)
        #expect(reports == Linter().lint(summaries))
        let joined = try LintOutput.output(rendered, format: format, settings: .defaults, toolVersion: "9.9.9")
        #expect(joined == (try Self.oneCall(reports, format)))
        // Fewer reports, including none, one, and ones without findings (SARIF parts are then empty).
        let clean = rendered.filter { $0.report.findings.isEmpty }
        for subset in [[], Array(rendered.prefix(1)), Array(rendered.suffix(3)), clean, clean + rendered.prefix(2)] {
            let out = try LintOutput.output(subset, format: format, settings: .defaults, toolVersion: "9.9.9")
            #expect(out == (try Self.oneCall(subset.map(\.report), format)), "\(subset.count) reports")
        }
    }

    @Test(arguments: LintOutput.Format.allCases)
    func aMissingPartFallsBackToTheOneCallOutput(format: LintOutput.Format) throws {
        var rendered = Linter().lint(try Self.summaries(), rendering: format)
        rendered[1].part = nil
        let out = try LintOutput.output(rendered, format: format, settings: .defaults, toolVersion: "9.9.9")
        #expect(out == (try Self.oneCall(rendered.map(\.report), format)))
    }

    @Test func theSpliceChecksTheFramesItCuts() throws {
        let encoder = LintOutput.jsonEncoder()
        let frame = try #require(JSONSplice.Frame { try encoder.encode(["summaries": $0]) })
        #expect(frame.head == Array("{\n  \"summaries\" : [\n    ".utf8))
        #expect(frame.separator == Array(",\n    ".utf8))
        #expect(frame.tail == Array("\n  ]\n}".utf8))
        // A document of another shape (another key, another depth, an empty list) is not cut.
        #expect(frame.elements(of: try encoder.encode(["other": ["x"]])) == nil)
        #expect(frame.elements(of: try encoder.encode(["summaries": [["x"]]])) == Array("[\n      \"x\"\n    ]".utf8))
        #expect(frame.elements(of: try encoder.encode(["summaries": [String]()])) == nil)
        // Parts written at another depth (another separator) are not joined; nor is an empty list.
        let deeper = try #require(JSONSplice.Frame { try encoder.encode(["a": ["summaries": $0]]) })
        #expect(JSONSplice.join([Array("1".utf8)], into: frame, partFrame: deeper) == nil)
        #expect(JSONSplice.join([], into: frame, partFrame: frame) == nil)
        // A writer that repeats a marker, or leaves one out, gives no frame.
        #expect(JSONSplice.Frame { try encoder.encode([$0[0], $0[0], $0[1]]) } == nil)
        #expect(JSONSplice.Frame { try encoder.encode([$0[0]]) } == nil)
    }
}
