import Foundation
import Testing
import TestSupport

/// `trialexport import ctgov` and `validate --registry` as users run them.
@Suite struct ImportCommandTests {
    static let records = TestSupport.repoRoot.appendingPathComponent("Tests/CTGovImportTests/Fixtures/records")
    static let odd = TestSupport.repoRoot.appendingPathComponent("Tests/CTGovImportTests/Fixtures/odd")

    @Test func importWritesADraftThatValidatesAndAgreesWithItsRecord() throws {
        let dir = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let record = Self.records.appendingPathComponent("NCT02210780.json").path
        let r = try CLI.run(["import", "ctgov", record, "--id", "dupilumab-vaccines", "--output", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("repaired: outcomes[0].explanation: backslash escapes"))
        #expect(r.stdout.contains("cannot decide: outcomes[8]"))
        #expect(r.stdout.contains("wrote \(dir.path)/dupilumab-vaccines.yaml: 2 arms, 13 outcomes"))
        let v = try CLI.run(["validate", dir.path, "--registry", Self.records.path])
        #expect(v.status == 0, "\(v.stdout)")
        #expect(v.stdout.contains("1 summaries compared with \(Self.records.path): 0 disagreements"))
        #expect(v.stdout.contains(": warning: title: draft: "))
        // Nothing already written is replaced without --force.
        let again = try CLI.run(["import", "ctgov", record, "--id", "dupilumab-vaccines", "--output", dir.path])
        #expect(again.status == 1 && again.stderr.contains("the file exists; pass --force"))
        #expect(try CLI.run(["import", "ctgov", record, "--id", "dupilumab-vaccines", "--output", dir.path, "--force"]).status == 0)
    }

    @Test func aDisagreementFailsValidateWithItsLocation() throws {
        let dir = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLI.run(["import", "ctgov", Self.records.appendingPathComponent("NCT00763412.json").path, "--output", dir.path]).status == 0)
        let file = dir.appendingPathComponent("nct00763412.yaml")
        let yaml = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "enrollment: 31", with: "enrollment: 13")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        let line = yaml.components(separatedBy: "\n").firstIndex { $0.contains("enrollment: 13") }! + 1
        let v = try CLI.run(["validate", dir.path, "--registry", Self.records.path])
        #expect(v.status == 1)
        #expect(v.stdout.contains("\(file.path):\(line):15: error: trial.enrollment: registry: enrolment is 13 but the record says 31"), "\(v.stdout)")
    }

    @Test func filesThatAreNotV2RecordsFailWithAClearMessage() throws {
        let dir = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (file, words) in [("v1-full-studies.json", "API v1"), ("saved-page.html", "HTML"), ("truncated.json", "cut off")] {
            let r = try CLI.run(["import", "ctgov", Self.odd.appendingPathComponent(file).path, "--output", dir.path])
            #expect(r.status == 1)
            #expect(r.stderr.contains(words) && r.stderr.contains("expected one ClinicalTrials.gov API v2 study record"), "\(r.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
        #expect(try CLI.run(["import", "ctgov", "x.json", "--id", "Not A Slug"]).status == 2)
        #expect(try CLI.run(["validate", "summaries", "--registry", "no-such-folder"]).status == 2)
    }
}
