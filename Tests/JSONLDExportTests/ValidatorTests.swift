import ExportKit
import Foundation
import JSONLDExport
import TestSupport
import Testing
import TrialModel

/// Runs the offline schema.org validator (`check-jsonld --strict`, schema.org 30.0) on real outputs.
/// A missing validator fails these tests (`JSONLDFixtures.requireChecker`).
@Suite struct ValidatorTests {
    @Test func patinaDocumentSnippetAndCollectionPassStrict() throws {
        let item = try TestSupport.patina()
        var files = try JSONLDFixtures.render(item)
        for f in try JSONLDFixtures.exporter().renderCollection([item], worker: WorkerCache()) { files[f.path] = try f.bytes() }
        let r = try JSONLDFixtures.check(files)
        #expect(r.status == 0, "\(r.output)")
        #expect(r.output.contains("3 passed, 0 failed"), "\(r.output)")
    }

    /// Every design, masking, status and phase; sponsors, countries, placebo, DOIs, official titles,
    /// several registries, non-ASCII text, no publication: each variant's document and snippet pass.
    @Test func variantsPassStrict() throws {
        var files: [String: Data] = [:]
        var library: [LoadedSummary] = []
        for i in 0..<14 {
            let item = try JSONLDFixtures.patina { s in Self.vary(&s, i) }
            library.append(item)
            for (path, data) in try JSONLDFixtures.render(item) { files[path] = data }
        }
        for f in try JSONLDFixtures.exporter().renderCollection(library, worker: WorkerCache()) { files[f.path] = try f.bytes() }
        let r = try JSONLDFixtures.check(files)
        #expect(r.status == 0, "\(r.output)")
        #expect(r.output.contains("\(files.count) passed, 0 failed"), "\(r.output)")
    }

    /// The lead's sample generator (2–4 arms, long titles, non-ASCII names, every category), as `make checks`
    /// exports it, here without the CLI: documents, snippets and the collection pass.
    @Test func generatedSamplesPassStrict() throws {
        let library = SampleGenerator(seed: 11).summaries(count: 40).map {
            LoadedSummary(summary: $0, sourcePath: "\($0.id).yaml", sourceBytes: [])
        }
        var files: [String: Data] = [:]
        for item in library { for (path, data) in try JSONLDFixtures.render(item) { files[path] = data } }
        for f in try JSONLDFixtures.exporter().renderCollection(library, worker: WorkerCache()) { files[f.path] = try f.bytes() }
        let r = try JSONLDFixtures.check(files)
        #expect(r.status == 0, "\(r.output)")
        #expect(r.output.contains("\(files.count) passed, 0 failed"), "\(r.output)")
    }

    /// The breakout title is text that looks like markup, which `--strict` rightly warns about; but the snippet
    /// must have no ERROR (a "closed early" script would be one).
    @Test func hostileSnippetHasNoErrors() throws {
        let item = try JSONLDFixtures.patina { $0.title = ScriptSnippetTests.hostileTitle }
        let files = try JSONLDFixtures.render(item).filter { $0.key.hasSuffix(".html") }
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("hostile.html")
        try files["jsonld/patina.html"]!.write(to: url)
        let r = try TestSupport.run(try JSONLDFixtures.requireChecker(), [url.path])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(!r.stdout.contains("ERROR"), "\(r.stdout)")
    }

    static func vary(_ s: inout Summary, _ i: Int) {
        s.id = "variant-\(i)"
        s.title = i % 2 == 0 ? "Variant \(i): Studie zur Erhaltungstherapie — Brustkrebs (Ünïcödé, 日本語)" : "Variant \(i)"
        s.trial.status = TrialStatus.allCases[i % TrialStatus.allCases.count]
        s.trial.phase = Phase.allCases[i % Phase.allCases.count]
        s.trial.design.masking = Masking.allCases[i % Masking.allCases.count]
        s.trial.design.randomized = i % 3 != 0
        s.trial.design.placeboControlled = i % 4 == 2
        s.trial.design.multicenter = i % 5 != 1
        s.trial.design.international = i % 2 == 0
        if i % 3 == 1 {
            s.trial.sponsor = "Université Paris-Saclay & Partners"
            s.trial.countries = ["Deutschland", "Côte d’Ivoire", "日本"]
            s.trial.officialTitle = "A Randomized Phase \(s.trial.phase.rawValue) Study (AFT-38) of \"quoted\" therapy"
            s.trial.registryIDs = [RegistryID("ISRCTN12345678")!, RegistryID("2019-001234-56")!]
        }
        if i % 4 == 3 { s.trial.publication = nil }
        if i % 4 == 1 {
            s.trial.publication = Publication(journal: "Journal of Clinical Oncology", journalShort: "JCO", year: 2025,
                                              title: "Palbociclib maintenance <p < 0.001> results", date: Day("2025-03-14"),
                                              doi: "10.1200/JCO.24.01234")
        }
        if i % 4 == 2 {
            s.trial.publication = Publication(journal: "The Lancet", year: 2024, url: "https://www.thelancet.com/article/x")
        }
        if s.trial.design.placeboControlled {
            s.arms[1].interventions.append(Intervention(name: "Placebo", role: .placebo, dosing: "orally, daily"))
            s.arms[1].participants = 259
        }
        if i == 13 { s.tags = [] }
    }
}
