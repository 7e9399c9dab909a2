import Foundation
import TrialModel

/// What an import produced: the summary (with its drafts), the text it repaired and what it could not decide.
public struct ImportResult: Sendable {
    public var summary: Summary
    /// `field: HTML entities, mojibake`, one line per repaired field, in field order.
    public var repairs: [String]
    /// Registry content the importer could not map without guessing, e.g. an outcome with two time points.
    public var undecided: [String]
}

/// Turns a ClinicalTrials.gov v2 record into a summary draft: every registry fact the model holds is filled in,
/// and every field needing an editor (plain-language text, facts the record lacks) is a draft.
public enum CTGovImporter {
    public static func summary(from study: CTGovStudy, id: String? = nil) -> ImportResult {
        let b = ImportBuilder(study: study)
        return b.build(id: id)
    }
}

/// One import's state: drafts and repairs are recorded by the field path the reader uses.
final class ImportBuilder {
    let study: CTGovStudy
    var proto: CTGovStudy.ProtocolSection { study.protocolSection }
    var drafts: [String: String] = [:]
    var repairs: [(String, Set<TextRepair.Kind>)] = []
    var undecided: [String] = []

    init(study: CTGovStudy) { self.study = study }

    func draft(_ path: String, _ note: String = "") { drafts[path] = note }

    /// Cleaned one-line text, with its repairs recorded against `path`.
    func line(_ text: String, at path: String) -> String {
        let (t, r) = TextRepair.line(text)
        if !r.isEmpty { repairs.append((path, r)) }
        return t
    }

    /// Cleaned text split into paragraphs (blank lines) with the repairs recorded once.
    func paragraphs(_ text: String, at path: String) -> [String] {
        let (t, r) = TextRepair.clean(text)
        if !r.isEmpty { repairs.append((path, r)) }
        return t.components(separatedBy: "\n\n").map { TextRepair.line($0).text }.filter { !$0.isEmpty }
    }

    func build(id explicitID: String?) -> ImportResult {
        let ident = proto.identificationModule
        let nct = ident.nctId
        let acronym = ident.acronym.map { line($0, at: "trial.name") }.flatMap { $0.isEmpty ? nil : $0 }
        // Only an ASCII acronym makes an id: slugging "ÉTUDE" to "tude" would be a guess.
        let slugFromName = acronym.flatMap { $0.allSatisfy(\.isASCII) ? Slug.make($0) : nil }.flatMap { $0 == "section" ? nil : $0 }
        let id = explicitID ?? slugFromName ?? Slug.make(nct)

        let titleSource = ident.briefTitle ?? ident.officialTitle ?? nct
        let title = line(titleSource, at: "title")
        draft("title", "the registry's brief title; write a plain-language headline")
        let summaryParagraphs = proto.descriptionModule?.briefSummary.map { paragraphs($0, at: "lead") } ?? []
        let lead = summaryParagraphs.first ?? title
        draft("lead", "the registry's brief summary; write one plain-language paragraph")

        let conditions = (proto.conditionsModule?.conditions ?? []).map { line($0, at: "trial.condition") }.filter { !$0.isEmpty }
        let cancerType = conditions.first ?? "Not given in the registry"
        draft("cancerType", "the registry's first condition; name the cancer type as the site does")
        draft("category", "chosen by the importer; pick the site category")
        let reviewed = reviewedDay()

        let trial = trialFacts(nct: nct, acronym: acronym, conditions: conditions)
        let arms = armList()
        let outcomes = outcomeList(arms: arms)
        let sections = sectionList(outcomes: outcomes, fallbackLead: lead, summaryParagraphs: summaryParagraphs)

        let summary = Summary(id: id, title: title, lead: RichText(lead), cancerType: cancerType,
                              category: .treatingTheCancer, tags: [], language: "en", reviewed: reviewed, version: 1,
                              trial: trial, arms: arms, outcomes: outcomes, sections: sections, glossary: [],
                              drafts: drafts)
        var merged: [String: Set<TextRepair.Kind>] = [:]
        var order: [String] = []
        for (path, kinds) in repairs {
            if merged[path] == nil { order.append(path) }
            merged[path, default: []].formUnion(kinds)
        }
        let repairLines = order.map { "\($0): " + merged[$0]!.sorted().map(\.rawValue).joined(separator: ", ") }
        return ImportResult(summary: summary, repairs: repairLines, undecided: undecided)
    }

    /// The record's last update is the only date it offers; an editor sets the real review date.
    private func reviewedDay() -> Day {
        let s = proto.statusModule
        let candidates = [s?.lastUpdatePostDateStruct?.date, s?.completionDateStruct?.date, s?.startDateStruct?.date]
        if let day = candidates.compactMap({ $0.flatMap(Day.init) }).first {
            draft("reviewed", "the registry record's last update; set the date an editor reviewed this summary")
            return day
        }
        draft("reviewed", "placeholder: the registry record has no full date; set the date an editor reviewed this summary")
        return Day(year: 2000, month: 1, day: 1)!
    }
}
