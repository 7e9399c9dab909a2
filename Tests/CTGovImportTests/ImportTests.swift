import Foundation
import Testing
import TrialModel
@testable import CTGovImport

@Suite struct ImportTests {
    @Test(arguments: Records.all)
    func importedYAMLLoadsWithDraftsAsTheOnlyWarnings(_ nct: String) throws {
        let (result, yaml, read) = try Records.roundTrip(Records.path(nct))
        #expect(read.diagnostics.filter { $0.severity == .error }.isEmpty, "\(read.diagnostics)")
        let others = read.diagnostics.filter { !$0.message.hasPrefix("draft:") }
        #expect(others.isEmpty, "\(others)")
        let loaded = try #require(read.summary)
        #expect(loaded == result.summary)
        #expect(!loaded.drafts.isEmpty && loaded.drafts.keys.contains("title"))
        #expect(yaml.contains("draft:"))
        #expect(loaded.trial.registryIDs.map(\.value) == [nct])
    }

    @Test(arguments: Records.all)
    func trialFactsMatchTheRecord(_ nct: String) throws {
        let json = try Records.json(Records.path(nct))
        let s = try Records.roundTrip(Records.path(nct)).2.summary!
        let proto = json["protocolSection"] as! [String: Any]
        if let n = proto[path: "designModule.enrollmentInfo.count"] as? Int {
            #expect(s.trial.enrollment == n)
        }
        let groups = proto[path: "armsInterventionsModule.armGroups"] as? [[String: Any]] ?? []
        if !groups.isEmpty {
            #expect(s.arms.count == groups.count)
            #expect(s.arms.map(\.label) == groups.map { TextRepair.line($0["label"] as! String).text })
            for (arm, g) in zip(s.arms, groups) {
                let comparator = ["PLACEBO_COMPARATOR", "ACTIVE_COMPARATOR", "SHAM_COMPARATOR", "NO_INTERVENTION"].contains(g["type"] as? String ?? "")
                #expect(arm.isControl == comparator)
            }
        }
        if let allocation = proto[path: "designModule.designInfo.allocation"] as? String {
            #expect(s.trial.design.randomized == (allocation == "RANDOMIZED"))
        }
    }

    @Test func outcomeValuesMatchTheRecordForDupilumab() throws {
        let s = try Records.roundTrip(Records.path("NCT02210780")).2.summary!
        let tetanus = try #require(s.outcomes.first)
        #expect(tetanus.role == .primary && tetanus.kind == .percentage && tetanus.unit == "%")
        #expect(tetanus.values.map(\.value.text) == ["83.7", "83.3"])
        #expect(s.arms.map(\.id) == ["placebo-qw", "dupilumab-300-mg-qw"])
        // The registry's `\<0.1` escape is repaired in the explanation.
        #expect(tetanus.explanation!.plainText.contains("titers of <0.1 IU/ml"))
        let serious = try #require(s.outcome("serious-adverse-events"))
        #expect(serious.values.map(\.value.text) == ["0.0", "3.1"])   // 0 of 97, 3 of 97
        #expect(serious.explanation!.plainText.contains("3 of 97 people"))
        #expect(serious.counts == [ArmCount(arm: "placebo-qw", people: 0, of: 97), ArmCount(arm: "dupilumab-300-mg-qw", people: 3, of: 97)])
        let other = try #require(s.outcome("other-adverse-events"))
        #expect(other.values.map(\.value.text) == ["29.9", "30.9"])   // 29 of 97, 30 of 97
        let withDifference = s.outcomes.filter { $0.effect != nil }
        #expect(!withDifference.isEmpty && withDifference.allSatisfy { $0.effect!.measure == .difference })
        // Four time points in one measure: listed, never guessed.
        #expect(s.outcomes.contains { $0.values.isEmpty && $0.maturity != nil })
    }

    @Test func groupsMatchArmsDespiteNumberingAndCase() throws {
        // Arms "1 Placebo" / "2. repaglinide"; outcome groups "2. Repaglinide"; event groups "Repaglinide".
        let (result, _, read) = try Records.roundTrip(Records.path("NCT00763412"))
        let s = try #require(read.summary)
        #expect(s.arms.map(\.id) == ["placebo", "repaglinide"])
        #expect(s.trial.phase == .notApplicable)
        #expect(s.trial.design.masking == .tripleBlind && s.drafts["trial.design.masking"]!.contains("QUADRUPLE"))
        let bmi = try #require(s.outcomes.first)
        #expect(bmi.unit == "Kg/m^2" && bmi.values.map(\.value.text) == ["19.63", "21.19"])
        #expect(s.outcome("serious-adverse-events")?.values.map(\.value.text) == ["0.0", "0.0"])
        #expect(result.undecided.contains { $0.contains("rows") })
        #expect(s.trial.startDate?.description == "2006-11" && s.trial.completionDate?.description == "2013-01")
    }

    @Test func recordsWithoutResultsImportDesignAndArmsAndDraftTheOutcomes() throws {
        let s = try Records.roundTrip(Records.path("NCT04207047")).2.summary!
        #expect(s.arms.count == 4)
        #expect(s.arms[3].interventions.count == 5)
        #expect(s.trial.status == .activeNotRecruiting && s.drafts["trial.status"]!.contains("UNKNOWN"))
        #expect(s.trial.startDate?.description == "2018-10-02" && s.trial.completionDate?.description == "2020-03-31")
        #expect(s.drafts["trial.completionDate"]?.contains("estimate") == true)
        #expect(s.outcomes.allSatisfy { $0.values.isEmpty && s.drafts["outcomes[\(s.outcomes.firstIndex(of: $0)!)].maturity"] != nil })
        let pride = try Records.roundTrip(Records.path("NCT03630471")).2.summary!
        #expect(pride.id == "pride" && pride.trial.name == "PRIDE" && pride.trial.countries == ["India"])
        #expect(pride.sections.contains { $0.kind == .whoFor })
    }

    @Test func minimalRecordGetsPlaceholdersMarkedAsDrafts() throws {
        let s = try Records.roundTrip(Records.path("NCT03453554")).2.summary!
        for field in ["arms", "trial.phase", "trial.status", "trial.enrollment", "trial.design.randomized", "trial.condition"] {
            #expect(s.drafts[field]?.hasPrefix("placeholder") == true, "\(field)")
        }
    }

    @Test func eligibilityBecomesSubheadingsAndLists() throws {
        let s = try Records.roundTrip(Records.path("NCT02210780")).2.summary!
        let who = try #require(s.sections.first { $0.kind == .whoFor })
        #expect(who.blocks.contains(.subheading("Key Inclusion Criteria")))
        let lists = who.blocks.compactMap { b -> [RichText]? in if case .list(let l) = b { l } else { nil } }
        #expect(lists.count >= 2 && lists[0][0].plainText.hasPrefix("Male or female adults"))
        #expect(lists[0][0].plainText.contains("[Eichenfeld 2004]"))
    }

    @Test func importIsDeterministic() throws {
        for nct in Records.all {
            #expect(try Records.roundTrip(Records.path(nct)).1 == Records.roundTrip(Records.path(nct)).1)
        }
    }
}
