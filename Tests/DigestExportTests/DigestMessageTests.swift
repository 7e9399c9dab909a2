import ExportKit
import Foundation
import Testing
import TestSupport
import TrialModel
@testable import DigestExport

@Suite struct DigestMessageTests {
    func goldenDigest() throws -> DigestExporter.Digest {
        let exporter = try Fixture.exporter(Fixture.goldenOptions)
        return try exporter.digest(exporter.selection(try Fixture.goldenLibrary()))
    }

    @Test func goldenMessage() throws {
        let d = try goldenDigest()
        try Fixture.expectGolden("digest.eml", d.message)
        try Fixture.expectGolden("digest-canonical.txt", Array(d.canonicalText.utf8))
    }

    @Test func pythonEmailPackageAcceptsItAndUnflowsToTheCanonicalText() throws {
        let d = try goldenDigest()
        try Fixture.pythonCheck(d, subject: "New trial summaries, 1 June 2026: 2 summaries")
    }

    @Test func renderCollectionWritesTheSelection() throws {
        let exporter = try Fixture.exporter(Fixture.goldenOptions)
        let files = try exporter.renderCollection(try Fixture.goldenLibrary(), worker: WorkerCache())
        #expect(files.map(\.path) == ["digest/digest.eml"])
        #expect(Array(try files[0].bytes()) == (try goldenDigest()).message)
    }

    @Test func selectionBySinceAndCategory() throws {
        let lib = try Fixture.goldenLibrary()
        #expect(try Fixture.exporter().selection(lib).map(\.id) == ["elan-2", "patina", "old-trial"].sorted { a, b in
            // category order: Preventing recurrence before Treating the cancer; same category: newest first
            ["elan-2": 0, "patina": 1, "old-trial": 2][a]! < ["elan-2": 0, "patina": 1, "old-trial": 2][b]!
        })
        #expect(try Fixture.exporter(Fixture.goldenOptions).selection(lib).map(\.id) == ["elan-2", "patina"])
        let cat = Fixture.options(categories: [.treatingTheCancer])
        #expect(try Fixture.exporter(cat).selection(lib).map(\.id) == ["patina", "old-trial"])
        let none = Fixture.options(since: Day("2030-01-01"))
        // A filter that matches nothing is reported, not silently skipped; an empty library is simply empty.
        #expect(throws: ExportError.self) { try Fixture.exporter(none).renderCollection(lib, worker: WorkerCache()) }
        #expect(try Fixture.exporter(none).renderCollection([], worker: WorkerCache()).isEmpty)
    }

    @Test func dateHeaderFromNewestReviewOrOption() throws {
        let lib = [try TestSupport.patina()]
        let text = String(decoding: try Fixture.exporter().digest(lib).message, as: UTF8.self)
        #expect(text.contains("\r\nDate: Mon, 1 Jun 2026 08:00:00 +0000\r\n"))
        let other = try Fixture.exporter(Fixture.options(date: Day("2026-12-24"))).digest(lib)
        #expect(String(decoding: other.message, as: UTF8.self).contains("\r\nDate: Thu, 24 Dec 2026 08:00:00 +0000\r\n"))
    }

    @Test func byteIdenticalReruns() throws {
        let a = try goldenDigest(), b = try goldenDigest()
        #expect(a.message == b.message)
        let item = try TestSupport.patina()
        let e = try Fixture.exporter()
        #expect(Array(try e.render(item, variant: "", worker: WorkerCache())[0].bytes())
                == Array(try e.render(item, variant: "", worker: WorkerCache())[0].bytes()))
    }

    @Test func messageIDIsStableAndFollowsContent() throws {
        let a = try goldenDigest()
        #expect(a.messageID.hasPrefix("<digest.") && a.messageID.hasSuffix("@cleartrials.example.org>"))
        let single = try Fixture.exporter().digest([try TestSupport.patina()])
        #expect(single.messageID != a.messageID)
    }

    @Test func digestContentShortenedAndComplete() throws {
        let d = try Fixture.exporter().digest([try TestSupport.patina()])
        let t = d.canonicalText
        for needle in ["PATINA: adding palbociclib", "Key facts", "Main result",
                       "Palbociclib group  44.3 months  ###################################",
                       "Hazard ratio 0.75", "The bottom line", "[1] https://cleartrials.example.org/summaries/patina",
                       "To unsubscribe", "https://cleartrials.example.org/newsletter/unsubscribe", "\n-- \n"] {
            #expect(t.contains(needle), "missing \(needle)")
        }
        #expect(!t.contains("Alice was diagnosed"), "the digest is shortened")
        #expect(t.range(of: "unsubscribe")!.lowerBound < t.range(of: "\n-- \n")!.lowerBound)
        try Fixture.pythonCheck(d, subject: "New trial summaries, 1 June 2026: PATINA: adding palbociclib to maintenance therapy for HER2-positive breast cancer")
    }
}

/// The generated sample library: 2–4 arms, long titles, non-ASCII names, every category.
@Suite struct SampleLibraryTests {
    static let library: [LoadedSummary] = SampleGenerator(seed: 7).summaries(count: 40).map {
        LoadedSummary(summary: $0, sourcePath: "sample/\($0.id).yaml", sourceBytes: [])
    }

    @Test func digestOfTheSampleLibraryPassesThePythonCheck() throws {
        let e = try Fixture.exporter()
        let d = try e.digest(e.selection(Self.library))
        try Fixture.pythonCheck(d, subject: "New trial summaries, \(Self.library.map(\.summary.reviewed).max()!.longText): 40 summaries")
    }

    @Test func everySampleTextFitsAndShowsEveryChart() throws {
        let r = PlainTextRenderer(settings: .defaults)
        for item in Self.library {
            let text = r.text(item)
            for line in text.split(separator: "\n") {
                #expect(TextWidth.of(line) <= 72 || TextWrap.isURL(line.split(separator: " ").last ?? ""), "\(item.id): \(line)")
            }
            for chart in item.views.charts {
                for bar in chart.bars { #expect(text.contains(bar.valueText), "\(item.id) \(chart.outcomeID) \(bar.valueText)") }
            }
            #expect(text.contains(Settings.defaults.pageURL(for: item.id)))
        }
    }
}
