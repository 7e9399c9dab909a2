import EPUBExport
import ExportKit
import Foundation
import Testing
import TestSupport
import TrialModel
import ZIPFoundation

/// The ZIP container: fixed layout, reproducible bytes, and the stdlib structure checker on real files.
@Suite struct ContainerTests {
    @Test func entriesInFixedOrderWithMimetypeFirst() throws {
        let entries = try EPUBFixture.entries(EPUBFixture.patinaEPUB())
        #expect(entries.map(\.path) == ["mimetype", "META-INF/container.xml", "EPUB/package.opf", "EPUB/nav.xhtml",
                                        "EPUB/summary.xhtml", "EPUB/style.css"])
        #expect(String(decoding: entries[0].data, as: UTF8.self) == "application/epub+zip")
    }

    @Test func twoBuildsGiveIdenticalBytes() throws {
        let exporter = try EPUBFixture.exporter()
        let patina = try TestSupport.patina()
        // Different worker caches, as on different threads.
        let a = try exporter.render(patina, variant: "", worker: WorkerCache())[0]
        let b = try exporter.render(patina, variant: "", worker: WorkerCache())[0]
        #expect(a.path == "epub/patina.epub")
        #expect(try a.bytes() == b.bytes())
        let library = try EPUBFixture.library(samples: 6)
        let c1 = try exporter.renderCollection(library, worker: WorkerCache())[0]
        let c2 = try exporter.renderCollection(library, worker: WorkerCache())[0]
        #expect(c1.path == "epub/collection.epub")
        #expect(try c1.bytes() == c2.bytes())
    }

    /// The same checker `check-epub.sh` runs (stored mimetype, no extra fields, OPF accessibility metadata,
    /// headings, chart tables…), here on PATINA and a small collection.
    @Test func structureCheckerPasses() throws {
        let exporter = try EPUBFixture.exporter()
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let single = folder.appendingPathComponent("patina.epub")
        let collection = folder.appendingPathComponent("collection.epub")
        try EPUBFixture.patinaEPUB().write(to: single)
        try exporter.renderCollection(EPUBFixture.library(samples: 8), worker: WorkerCache())[0].bytes().write(to: collection)
        let script = TestSupport.repoRoot.appendingPathComponent("Tests/validators/check_epub_package.py").path
        let r = try TestSupport.run("python3", [script, single.path, collection.path])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
    }

    /// Every entry carries the book's date even when many EPUBs are zipped at once (ZIPFoundation converted
    /// dates with `gmtime`, whose result buffer all threads share; `ZIPWriter` computes the DOS date itself).
    @Test func timestampsSurviveConcurrentBuilds() throws {
        let exporter = try EPUBFixture.exporter()
        let library = try EPUBFixture.library(samples: 60)
        let wrong = Mismatches()
        let threads = 4
        let group = DispatchGroup()
        for t in 0..<threads {
            group.enter()
            Thread {
                defer { group.leave() }
                for (i, item) in (library + library + library + library).enumerated() where i % threads == t {
                    guard let epub = try? exporter.render(item, variant: "", worker: WorkerCache())[0].bytes(),
                          let archive = try? Archive(data: epub, accessMode: .read) else { wrong.add("\(item.id): no EPUB"); continue }
                    let r = item.summary.reviewed
                    for entry in archive {
                        let date = entry.fileAttributes[.modificationDate] as? Date
                        let parts = date.map { Calendar.utc.dateComponents([.year, .month, .day], from: $0) }
                        if parts?.year != r.year || parts?.month != r.month || parts?.day != r.day {
                            wrong.add("\(item.id) \(entry.path): \(String(describing: date)), expected \(r)")
                        }
                    }
                }
            }.start()
        }
        group.wait()
        #expect(wrong.all.isEmpty, "\(wrong.all.prefix(5))")
    }

    @Test func emptyLibraryHasNoCollection() throws {
        #expect(try EPUBFixture.exporter().renderCollection([], worker: WorkerCache()).isEmpty)
    }
}

private final class Mismatches: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ s: String) { lock.withLock { items.append(s) } }
    var all: [String] { lock.withLock { items } }
}

private extension Calendar {
    static let utc: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()
}
