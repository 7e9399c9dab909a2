import Foundation
import TrialModel

/// Runs every lint check over loaded summaries. Checks read the model only; source positions are those recorded
/// while loading, so each finding is located at the paragraph (or field) it is about.
public struct Linter: Sendable {
    public var settings: LintSettings

    public init(settings: LintSettings = .defaults) { self.settings = settings }

    /// Reports for many summaries, computed on all cores (dedicated threads: dispatch can give a busy process one),
    /// in the input order. Each thread keeps its syllable counts across summaries: their vocabulary overlaps.
    public func lint(_ summaries: [LoadedSummary]) -> [LintReport] {
        lintEach(summaries) { $0 }
    }

    /// As `lint(_:)`, each report's share of the output written on the same thread right after it
    /// (`LintOutput.output` joins them).
    public func lint(_ summaries: [LoadedSummary], rendering format: LintOutput.Format) -> [LintOutput.RenderedReport] {
        lintEach(summaries) { LintOutput.RenderedReport(report: $0, part: LintOutput.part($0, format: format)) }
    }

    private func lintEach<T: Sendable>(_ summaries: [LoadedSummary], _ then: @escaping @Sendable (LintReport) -> T) -> [T] {
        let slots = Slots<T>(count: summaries.count)
        let threads = min(max(1, ProcessInfo.processInfo.activeProcessorCount), summaries.count)
        WorkerThreads.run(count: threads) {
            var syllables = SyllableCache()
            while let i = slots.next() { slots.set(i, then(lint(summaries[i], syllables: &syllables))) }
        }
        return slots.values
    }

    public func lint(_ loaded: LoadedSummary) -> LintReport {
        var syllables = SyllableCache()
        return lint(loaded, syllables: &syllables)
    }

    func lint(_ loaded: LoadedSummary, syllables cache: inout SyllableCache) -> LintReport {
        let s = loaded.summary
        let positions = loaded.fieldPositions
        var findings: [LintFinding] = []
        func add(_ rule: LintRule, _ level: LintSettings.Level, _ field: String, _ message: String) {
            let p = positions.position(of: field)
            findings.append(LintFinding(rule: rule.rawValue, level: level, file: loaded.sourcePath, line: p.line,
                                        column: p.column, field: field, message: message))
        }
        let language = s.language
        let units = TextUnit.all(in: s)

        // Readability: per paragraph (long sentences), per section and for the whole.
        var sectionStats: [Int: TextStats] = [:]
        var leadStats = TextStats()
        var unitSentences: [[String]] = []
        unitSentences.reserveCapacity(units.count)
        var wordCounts: [Int] = []
        var counts = cache.counts.removeValue(forKey: language) ?? WordCounts()
        defer { cache.counts[language] = counts }
        for unit in units {
            let sentences = Sentences.split(unit.plain)
            unitSentences.append(sentences)
            let stats = TextStats.of(sentences: sentences, language: language, counts: &counts, wordCounts: &wordCounts)
            if let i = unit.section { sectionStats[i, default: TextStats()] = sectionStats[i, default: TextStats()] + stats }
            else if unit.isLead { leadStats = stats }
            for (sentence, n) in zip(sentences, wordCounts) {
                if n > settings.maxSentenceWords {
                    add(.longSentence, settings.readabilityLevel, unit.field,
                        "a sentence of \(n) words (limit \(settings.maxSentenceWords)) starts '\(sentence.prefix(50))…': split it in two.")
                }
            }
        }
        var sections = [LintReport.SectionScore(id: "lead", heading: "Lead", readability: Readability(stats: leadStats, language: language))]
        var whole = leadStats
        for (i, section) in s.sections.enumerated() where section.kind != .disclaimer {
            let st = sectionStats[i] ?? TextStats()
            whole = whole + st
            sections.append(.init(id: section.id, heading: section.heading, readability: Readability(stats: st, language: language)))
        }
        let overall = Readability(stats: whole, language: language)
        for (i, sc) in sections.enumerated() {
            if let g = sc.readability.grade, g > settings.maxGrade, sc.readability.stats.words >= 30 {
                add(.gradeAboveTarget, settings.readabilityLevel, i == 0 ? "lead" : "sections[\(s.sections.firstIndex { $0.id == sc.id } ?? 0)]",
                    "'\(sc.heading)' reads at grade \(LintOutput.fmt(g)) (target \(LintOutput.fmt(settings.maxGrade, 0))): use shorter sentences and everyday words.")
            }
        }
        if let g = overall.grade, g > settings.maxGrade {
            add(.gradeAboveTarget, settings.readabilityLevel, "",
                "the summary reads at grade \(LintOutput.fmt(g)) overall (target \(LintOutput.fmt(settings.maxGrade, 0))): start with the sections that score highest.")
        }

        // Numeracy and wording.
        let known = WordingRules.knownAcronyms.union(settings.acronyms)
            .union(WordingRules.letterRuns(s.trial.name))
            .union(s.glossary.flatMap { WordingRules.letterRuns($0.term) })
            .union(s.arms.flatMap(\.interventions).flatMap { WordingRules.letterRuns($0.name) })
        for (unit, sentences) in zip(units, unitSentences) {
            for hit in WordingRules.check(unit, sentences: sentences, knownCaps: known) { add(hit.rule, .warning, unit.field, hit.message) }
        }
        for hit in GlossaryRule.check(units, glossary: s.glossary) { add(hit.rule, .warning, units[hit.unit].field, hit.message) }

        // Drafts are errors: nothing unreviewed gets published.
        for (field, note) in s.drafts.sorted(by: { $0.key < $1.key }) {
            add(.draft, .error, field, "this field is still a draft" + (note.isEmpty ? "" : " (\(note))") + ": write or check it, then remove the {draft: …} wrapper.")
        }

        // EU CTR Annex V.
        let annex = AnnexV.check(s)
        for item in annex where item.status != .present {
            // Located at the top-level field to fill (trial, arms, outcomes, sections).
            let field = item.fill.first.map { String($0.prefix { $0 != "." && $0 != " " && $0 != "[" }) } ?? ""
            add(item.status == .missing ? .annexVMissing : .annexVPartial, item.status == .missing ? .warning : .note, field,
                "Annex V element \(item.number) (\(item.element)) is \(item.status.rawValue): fill \(item.fill.joined(separator: ", ")).")
        }
        findings.sort { ($1.level, $0.line, $0.column, $0.rule) < ($0.level, $1.line, $1.column, $1.rule) }
        return LintReport(file: loaded.sourcePath, id: s.id, language: language, readability: overall,
                          sections: sections, annexV: annex, findings: findings)
    }
}

/// Syllable counts already worked out, by language and word (a count depends on nothing else).
struct SyllableCache {
    var counts: [String: WordCounts] = [:]
}

/// Results written from concurrent iterations, one slot each, and the next index to take.
private final class Slots<T>: @unchecked Sendable {
    private var items: [T?]
    private var taken = 0
    private let lock = NSLock()
    init(count: Int) { items = Array(repeating: nil, count: count) }
    func next() -> Int? {
        lock.withLock {
            guard taken < items.count else { return nil }
            defer { taken += 1 }
            return taken
        }
    }
    func set(_ i: Int, _ r: T) { lock.lock(); items[i] = r; lock.unlock() }
    var values: [T] { items.compactMap { $0 } }
}
