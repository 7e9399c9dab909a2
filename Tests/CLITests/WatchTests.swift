import Foundation
import Testing
import TestSupport

/// `trialexport watch` on a scaffolded project: a summary saved valid, then invalid, then valid again.
@Suite struct WatchTests {
    /// Once with inotify, once with the polling fallback.
    @Test(arguments: [[String](), ["--poll", "50"]])
    func rewritesAreExportedAndInvalidSavesKeepTheLastGoodOutputs(mode: [String]) throws {
        let project = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: project) }
        #expect(try CLI.run(["init", project.path]).status == 0)
        let summary = project.appendingPathComponent("summaries/example.yaml")
        let good = try String(contentsOf: summary, encoding: .utf8)
        // A second summary, so that deleting the first leaves a library (an empty one is never pruned).
        try Data(good.replacingOccurrences(of: "\nid: example\n", with: "\nid: other\n").utf8)
            .write(to: project.appendingPathComponent("summaries/other.yaml"))
        let pdf = project.appendingPathComponent("output/pdf/a4/example.pdf")
        let digest = project.appendingPathComponent("output/digest/example.txt")

        // Resources from the repository, as an installed copy would provide them.
        let watch = try Background(["watch", "--resources", TestSupport.repoRoot.path] + mode, cwd: project)
        defer { _ = watch.stop() }
        #expect(watch.waitFor("watching "), "no start message: \(watch.stdout)\(watch.stderr)")
        #expect(watch.stdout.contains(mode.isEmpty ? "(inotify)" : "(polling every 50 ms)"))
        #expect(watch.stdout.contains("wrote output/pdf/a4/example.pdf"), "\(watch.stdout)")
        let firstDigest = try String(contentsOf: digest, encoding: .utf8)

        // Invalid: a located error, and the earlier outputs stay. (A plain write may be seen half-done first:
        // each wait is for the end state, never for a count of rounds.)
        var mark = watch.stdout.count
        try Data(good.replacingOccurrences(of: "registryIds: [NCT09999999]", with: "registryIds: [NCT123]").utf8).write(to: summary)
        #expect(Background.waitUntil { watch.stderr.contains("example.yaml:22:17: error: trial.registryIds[0]") },
                "no located error: \(watch.stderr)")
        #expect(watch.waitFor("round done", after: mark))
        #expect(String(watch.stdout.dropFirst(mark)).contains("changed: "))
        #expect(FileManager.default.fileExists(atPath: pdf.path))
        #expect(try String(contentsOf: digest, encoding: .utf8) == firstDigest)

        // Valid again, with a new title: its outputs are rewritten and listed.
        mark = watch.stdout.count
        try Data(good.replacingOccurrences(of: "a daily walk alongside chemotherapy", with: "an evening walk alongside chemotherapy").utf8)
            .write(to: summary)
        #expect(Background.waitUntil { ((try? String(contentsOf: digest, encoding: .utf8)) ?? "").contains("evening walk") })
        #expect(Background.waitUntil { let since = String(watch.stdout.dropFirst(mark))
            return since.contains("output/pdf/large-print/example.pdf") && since.hasSuffix("outputs written\n") },
                "\(watch.stdout)\(watch.stderr)")
        let since = String(watch.stdout.dropFirst(mark))
        for out in ["digest/example.txt", "pdf/a4/example.pdf", "epub/example.epub", "jsonld/example.jsonld"] {
            #expect(since.contains("wrote output/\(out)"), "\(out) not listed: \(since)")
        }

        // Renamed: the same summary from its new file; its outputs stay.
        mark = watch.stdout.count
        let moved = project.appendingPathComponent("summaries/moved.yaml")
        try FileManager.default.moveItem(at: summary, to: moved)
        #expect(Background.waitUntil { let since = String(watch.stdout.dropFirst(mark))
            return since.contains("changed: summaries/moved.yaml") && since.hasSuffix("outputs written\n") },
                "\(watch.stdout)\(watch.stderr)")
        #expect(FileManager.default.fileExists(atPath: pdf.path))

        // Deleted: its outputs go, the watch goes on; Ctrl-C ends it with status 0.
        try FileManager.default.removeItem(at: moved)
        #expect(Background.waitUntil { !FileManager.default.fileExists(atPath: pdf.path) }, "\(watch.stdout)\(watch.stderr)")
        #expect(FileManager.default.fileExists(atPath: project.appendingPathComponent("output/pdf/a4/other.pdf").path))
        #expect(watch.stop() == 0)
        #expect(watch.stdout.contains("watch stopped"))
    }

    /// Rounds run inside the watch process: invalid settings fail a round, not the watch; the output folder is
    /// locked only while a round runs, so another run can use it in between. Every wait is for an end state.
    @Test func invalidSettingsFailARoundAndTheOutputFolderIsFreeBetweenRounds() throws {
        let project = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: project) }
        #expect(try CLI.run(["init", project.path]).status == 0)
        let settings = project.appendingPathComponent("trialexport.yaml")
        let good = try String(contentsOf: settings, encoding: .utf8)
        let resources = ["--resources", TestSupport.repoRoot.path]
        let watch = try Background(["watch", "--formats", "jsonld"] + resources, cwd: project)
        defer { _ = watch.stop() }
        #expect(watch.waitFor("watching "), "no start message: \(watch.stdout)\(watch.stderr)")

        // Idle: another run on the same output folder neither waits for the watch nor is refused.
        let other = try Background(["all", "--formats", "jsonld", "--force"] + resources, cwd: project)
        #expect(Background.waitUntil { !other.process.isRunning }, "the second run is still waiting: \(other.stderr)")
        #expect(other.stop() == 0, "\(other.stderr)")
        #expect(!other.stderr.contains("waiting"))

        // Invalid settings: a located error and a failed round; the watch goes on.
        var mark = watch.stdout.count
        try Data(good.replacingOccurrences(of: "\nbaseURL: https://", with: "\nbaseURL: not-a-url-").utf8).write(to: settings)
        #expect(Background.waitUntil { watch.stderr.contains("trialexport.yaml:13:10: error: baseURL") }, "\(watch.stderr)")
        #expect(watch.waitFor("with errors (see above)", after: mark), "\(watch.stdout)")

        // Fixed again: a round without errors follows.
        mark = watch.stdout.count
        try Data(good.replacingOccurrences(of: "summaries/\n", with: "pages/\n").utf8).write(to: settings)
        #expect(Background.waitUntil { let since = String(watch.stdout.dropFirst(mark))
            return since.contains("wrote output/jsonld/example.jsonld") && since.hasSuffix("outputs written\n") },
                "\(watch.stdout)\(watch.stderr)")
        #expect(watch.stop() == 0)
        #expect(watch.stdout.contains("watch stopped"))
    }
}
