import Foundation
import Testing
import TrialModel
@testable import CTGovImport

/// Each bad or odd input gets a clear error naming what was expected, or a correct draft.
@Suite struct OddInputTests {
    @Test(arguments: [
        ("truncated.json", "cut off"),
        ("v1-full-studies.json", "API v1 response (FullStudiesResponse)"),
        ("search-page.json", "search result page with 2 studies"),
        ("saved-page.html", "HTML or XML"),
        ("list.json", "not an object"),
        ("wrong-type.json", "protocolSection.designModule.enrollmentInfo.count is not Int"),
    ])
    func isRejectedNamingWhatWasExpected(_ file: String, _ problem: String) throws {
        let error = try #require(throws: RecordError.self) { try RecordReader.read(file: Records.odd(file)) }
        #expect(error.message.contains(problem), "\(error.message)")
        #expect(error.message.contains("expected one ClinicalTrials.gov API v2 study record"))
        #expect(error.description.hasPrefix(Records.odd(file) + ": error: "))
    }

    @Test func aFileTooLargeToBeARecordIsRejectedBeforeReading() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("huge-\(UUID().uuidString).json")
        #expect(FileManager.default.createFile(atPath: url.path, contents: Data("{".utf8)))
        defer { try? FileManager.default.removeItem(at: url) }
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: UInt64(RecordReader.maximumBytes + 1))   // sparse: no time, no disk
        try handle.close()
        let error = try #require(throws: RecordError.self) { try RecordReader.read(file: url.path) }
        #expect(error.message.contains("more than the 32 MB"))
    }

    @Test func aLargeRealisticRecordImports() throws {
        // 30 000 locations (about 3 MB): a big multinational trial still imports, with its countries.
        var json = try Records.json(Records.path("NCT03630471"))
        var proto = json["protocolSection"] as! [String: Any]
        let countries = ["India", "Kenya", "Brazil", "Nepal", "Peru"]
        proto["contactsLocationsModule"] = ["locations": (0..<30_000).map { ["facility": "Clinic \($0)", "city": "City \($0 % 97)", "country": countries[$0 % 5]] }]
        json["protocolSection"] = proto
        let data = try JSONSerialization.data(withJSONObject: json)
        let s = CTGovImporter.summary(from: try RecordReader.decode(data, file: "big.json")).summary
        #expect(s.trial.countries == countries && s.trial.design.multicenter && s.trial.design.international)
    }

    @Test func aWithdrawnStudyWithNoOneEnrolledImportsAndAgreesWithItsRecord() throws {
        var json = try Records.json(Records.path("NCT03630471"))
        var proto = json["protocolSection"] as! [String: Any]
        proto["designModule"] = ["phases": ["NA"], "enrollmentInfo": ["count": 0, "type": "ACTUAL"]]
        proto["statusModule"] = ["overallStatus": "WITHDRAWN"]
        json["protocolSection"] = proto
        let data = try JSONSerialization.data(withJSONObject: json)
        let s = CTGovImporter.summary(from: try RecordReader.decode(data, file: "withdrawn.json")).summary
        #expect(s.trial.status == .withdrawn && s.drafts["trial.enrollment"]!.contains("an enrolment of 0"))
        #expect(RegistryCrossCheckRoundTrip.disagreements(yaml: try SummaryWriter.yaml(s), record: data).isEmpty)
    }

    @Test func zeroArmsGetAPlaceholderArmMarkedAsADraft() throws {
        let (result, _, read) = try Records.roundTrip(Records.odd("zero-arms.json"))
        #expect(read.diagnostics.allSatisfy { $0.severity == .warning }, "\(read.diagnostics)")
        #expect(result.summary.arms.count == 1 && result.summary.drafts["arms"]!.contains("lists no arms"))
        #expect(read.diagnostics.contains { $0.field == "arms" && $0.message.hasPrefix("draft:") })
    }

    @Test func aValueNAIsNotGuessedAndTheOutcomeStaysADraft() throws {
        let (result, _, read) = try Records.roundTrip(Records.odd("values-na.json"))
        let s = try #require(read.summary)
        #expect(s.outcomes[0].values.isEmpty && s.drafts["outcomes[0].maturity"] != nil)
        #expect(s.outcomes[0].maturity!.plainText.contains("'NA' (Not enough participants had a measurement.)"))
        #expect(result.undecided.first?.hasPrefix("outcomes[0]") == true)
        #expect(!s.outcomes[1].values.isEmpty)   // the other measures still import
    }

    @Test func unitsThatDifferBetweenGroupsAreNotCompared() throws {
        let (result, _, read) = try Records.roundTrip(Records.odd("units-mismatch.json"))
        let s = try #require(read.summary)
        #expect(s.outcomes[0].values.isEmpty)
        #expect(result.undecided.contains { $0.contains("different units (OG000: Participants, OG001: Vaccinations)") })
    }

    @Test func twentyArmsImportInOrder() throws {
        let (_, _, read) = try Records.roundTrip(Records.odd("twenty-arms.json"))
        let s = try #require(read.summary)
        #expect(s.arms.count == 20 && s.arms.map(\.id) == (1...20).map { "dose-level-\($0)" })
        #expect(s.id == "nct90000008")
    }

    @Test func nonASCIITitlesSurviveAndDamagedTextIsRepairedAndReported() throws {
        let (result, yaml, read) = try Records.roundTrip(Records.odd("non-ascii.json"))
        let s = try #require(read.summary)
        #expect(s.title == "Étude de l'effet du café — 咖啡 & ± sommeil: évaluation <65 ans")
        #expect(s.trial.officialTitle == "Évaluation randomisée du café chez l'adulte")
        #expect(s.arms.map(\.label) == ["Café décaféiné", "Café (咖啡)"])
        #expect(s.id == "nct90000009")   // the acronym ÉTUDE slugs to "tude": an ASCII-folded id would be a guess
        #expect(yaml.contains("咖啡"))
        #expect(result.repairs.contains("title: HTML entities, backslash escapes, mojibake"))
        #expect(result.repairs.contains("trial.officialTitle: HTML entities, Markdown emphasis"))
        #expect(read.diagnostics.allSatisfy { $0.message.hasPrefix("draft:") })
    }
}
