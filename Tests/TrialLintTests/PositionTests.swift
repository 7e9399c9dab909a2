import Foundation
import Testing
import TestSupport
@testable import TrialLint
import TrialModel

/// Lint locates findings with the field positions recorded while loading, not by parsing the source again; the
/// recorded positions must be exactly those a fresh parse finds, so reports are unchanged.
@Suite struct PositionTests {
    static func loaded() throws -> [LoadedSummary] {
        let fixtures = FixtureRuleTests.files.map { FixtureRuleTests.folder.appendingPathComponent($0).path }
        let samples = try SampleGenerator(seed: 3).summaries(count: 40).enumerated().map { i, s in
            SourceFile(path: "sample-\(i).yaml", bytes: Array(try SummaryWriter.yaml(s).utf8))
        }
        return Library.load(paths: fixtures, recordingPositions: true).summaries
            + Library.load(sources: samples, recordingPositions: true).summaries
    }

    @Test func recordedPositionsEqualAFreshParse() throws {
        let all = try Self.loaded()
        #expect(all.count == FixtureRuleTests.files.count + 40)
        for s in all {
            let recorded = try #require(s.positions, "\(s.sourcePath): no positions recorded")
            #expect(recorded == FieldPositions(yaml: String(decoding: s.sourceBytes, as: UTF8.self)), "\(s.sourcePath)")
        }
    }

    @Test func positionsAreRecordedOnlyWhenAsked() {
        let fixture = FixtureRuleTests.folder.appendingPathComponent("clean.yaml").path
        #expect(Library.load(paths: [fixture]).summaries.first?.positions == nil)
        #expect(Library.load(paths: [fixture], recordingPositions: true).summaries.first?.positions != nil)
    }

    @Test func reportsAreTheSameWithoutRecordedPositions() throws {
        for s in try Self.loaded() {
            var bare = s
            bare.positions = nil
            #expect(Linter().lint(s) == Linter().lint(bare), "\(s.sourcePath)")
        }
    }
}
