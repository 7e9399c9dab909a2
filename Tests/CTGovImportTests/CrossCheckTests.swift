import Foundation
import Testing
import TrialModel
@testable import CTGovImport

@Suite struct CrossCheckTests {
    private func loaded(_ yaml: String, file: String = "summary.yaml") throws -> LoadedSummary {
        let r = SummaryReader.read(yaml: yaml, file: file)
        let s = try #require(r.summary, "\(r.diagnostics)")
        return LoadedSummary(summary: s, sourcePath: file, sourceBytes: Array(yaml.utf8))
    }

    private func check(_ yaml: String) throws -> CrossCheckReport {
        RegistryCrossCheck.check([try loaded(yaml)], registry: Records.folder.path)
    }

    @Test(arguments: Records.all)
    func importThenCrossCheckFindsNoDisagreement(_ nct: String) throws {
        let yaml = try Records.roundTrip(Records.path(nct)).1
        let report = try check(yaml)
        #expect(report.checked == 1)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
    }

    /// Replaces the first occurrence of `old` after `anchor`.
    private func edit(_ yaml: String, after anchor: String, _ old: String, _ new: String) throws -> String {
        let a = try #require(yaml.range(of: anchor))
        let r = try #require(yaml.range(of: old, range: a.upperBound..<yaml.endIndex))
        return yaml.replacingCharacters(in: r, with: new)
    }

    private func line(of text: String, in yaml: String, after anchor: String) -> Int {
        let a = yaml.range(of: anchor)!
        let r = yaml.range(of: text, range: a.lowerBound..<yaml.endIndex)!
        return yaml[..<r.lowerBound].filter { $0 == "\n" }.count + 1
    }

    @Test func everyKindOfDisagreementIsReportedWhereItIsWritten() throws {
        var yaml = try Records.roundTrip(Records.path("NCT02210780")).1
        yaml = try edit(yaml, after: "enrollment:", "194", "200")
        yaml = try edit(yaml, after: "  phase:", "\"2\"", "\"3\"")
        yaml = try edit(yaml, after: "masking:", "triple-blind", "open-label")
        yaml = try edit(yaml, after: "  status:", "completed", "recruiting")
        yaml = try edit(yaml, after: "values:", "83.7", "84.9")
        yaml = try edit(yaml, after: "id: \"serious-adverse-events\"", "3.1", "4.1")
        // Counts and percentage must agree in the summary itself, so the counts follow the percentage here.
        yaml = try edit(yaml, after: "id: \"serious-adverse-events\"", "{people: 3, of: 97}", "{people: 4, of: 97}")
        let report = try check(yaml)
        let byField = Dictionary(grouping: report.diagnostics, by: \.field)
        #expect(byField["trial.enrollment"]?.first?.severity == .error)
        #expect(byField["trial.enrollment"]?.first?.line == line(of: "200", in: yaml, after: "enrollment:"))
        #expect(byField["trial.phase"]?.first?.message.contains("record says 2") == true)
        #expect(byField["trial.design.masking"] != nil)
        #expect(byField["trial.status"]?.first?.severity == .warning)
        #expect(byField["outcomes[0].values.dupilumab-300-mg-qw"] == nil)
        let placebo = try #require(byField["outcomes[0].values.placebo-qw"]?.first)
        #expect(placebo.message.contains("84.9 but the record says 83.7"))
        #expect(placebo.line == line(of: "84.9", in: yaml, after: "values:"))
        let serious = report.diagnostics.first { $0.field.hasSuffix("values.dupilumab-300-mg-qw") && $0.message.contains("counts") }
        #expect(serious?.message.contains("4.1% but the record's counts give 3.1% (3 of 97)") == true)
        #expect(report.diagnostics.contains { $0.field.hasSuffix("counts.dupilumab-300-mg-qw") && $0.message == "registry: 4 of 97 but the record counts 3 of 97" })
        #expect(report.diagnostics.count == 7, "\(report.diagnostics)")
    }

    @Test func adverseEventCountsAreComparedWithTheRecord() throws {
        let yaml = try Records.roundTrip(Records.path("NCT02210780")).1
        // 4 of 97 is 4.1%: the summary is self-consistent, but the record counts 3 of 97.
        let edited = try edit(try edit(yaml, after: "id: \"serious-adverse-events\"", "3.1", "4.1"),
                              after: "id: \"serious-adverse-events\"", "{people: 3, of: 97}", "{people: 4, of: 97}")
        let fields = try check(edited).diagnostics.map(\.field)
        #expect(fields.contains { $0.hasSuffix("counts.dupilumab-300-mg-qw") } && fields.contains { $0.hasSuffix("values.dupilumab-300-mg-qw") })
    }

    @Test func valuesWithinTheRoundingShownAgree() throws {
        var yaml = try Records.roundTrip(Records.path("NCT00763412")).1
        yaml = try edit(yaml, after: "values:", "19.63", "19.6")   // registry 19.63 rounds to 19.6
        #expect(try check(yaml).diagnostics.isEmpty)
        yaml = try edit(yaml, after: "values:", "19.6", "19.5")
        #expect(try check(yaml).diagnostics.map(\.field) == ["outcomes[0].values.placebo"])
    }

    @Test func effectEstimateAndIntervalAreCompared() throws {
        let original = try Records.roundTrip(Records.path("NCT02210780"))
        let (index, outcome) = try #require(original.0.summary.outcomes.enumerated().first { $0.element.effect?.ciLower != nil })
        var s = try loaded(original.1)
        var effect = try #require(outcome.effect)
        effect.value = DecimalNumber("99.9")!
        effect.ciUpper = DecimalNumber("199.9")!
        s.summary.outcomes[index].effect = effect
        let fields = RegistryCrossCheck.check([s], registry: Records.folder.path).diagnostics.map(\.field)
        #expect(fields == ["outcomes[\(index)].effect.value", "outcomes[\(index)].effect.ci"])
    }

    @Test func armCountAndUnmatchedSummariesAreReported() throws {
        let yaml = try Records.roundTrip(Records.path("NCT04207047")).1
        var s = try loaded(yaml)
        s.summary.arms.removeLast()
        let report = RegistryCrossCheck.check([s], registry: Records.folder.path)
        #expect(report.diagnostics.contains { $0.field == "arms" && $0.message.contains("3 arms but the record has 4") })
        // UNKNOWN status and a summary without a record are listed, not guessed.
        #expect(report.undecided.contains { $0.field == "trial.status" })
        let other = RegistryCrossCheck.check([s], registry: Records.oddFolder.path)
        #expect(other.checked == 0 && other.undecided.first?.message.contains("no record NCT04207047.json") == true)
    }

    @Test func undecidableMappingsAreListedNotGuessed() throws {
        var yaml = try Records.roundTrip(Records.path("NCT02210780")).1
        // An editor renames an arm: its values can no longer be matched to a registry group.
        yaml = yaml.replacingOccurrences(of: "placebo-qw", with: "dummy-injections")
            .replacingOccurrences(of: "\"Placebo qw\"", with: "\"Dummy injections\"")
        let report = try check(yaml)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(report.undecided.contains { $0.message.contains("matches no arm") })
        #expect(report.undecided.allSatisfy { $0.description.contains(": note: ") && $0.description.contains("cannot decide") })
    }
}
