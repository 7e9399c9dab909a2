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
