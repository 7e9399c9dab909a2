import Foundation
import Testing
import TestSupport

/// `trialexport watch` on a scaffolded project: a summary saved valid, then invalid, then valid again.
@Suite struct WatchTests {
    @Test func rewritesAreExportedAndInvalidSavesKeepTheLastGoodOutputs() throws {
        let project = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: project) }
        #expect(try CLI.run(["init", project.path]).status == 0)
        let summary = project.appendingPathComponent("summaries/example.yaml")
        let good = try String(contentsOf: summary, encoding: .utf8)
        let pdf = project.appendingPathComponent("output/pdf/a4/example.pdf")
        let digest = project.appendingPathComponent("output/digest/example.txt")

        // Resources from the repository, as an installed copy would provide them.
        let watch = try Background(["watch", "--resources", TestSupport.repoRoot.path], cwd: project)
        defer { _ = watch.stop() }
        #expect(watch.waitFor("watching "), "no start message: \(watch.stdout)\(watch.stderr)")
        #expect(watch.stdout.contains("wrote \(project.path)/output/pdf/a4/example.pdf") || watch.stdout.contains("wrote output/pdf/a4/example.pdf"),
                "\(watch.stdout)")
        let firstDigest = try String(contentsOf: digest, encoding: .utf8)

        // Invalid: a located error, and the earlier outputs stay.
        try Data(good.replacingOccurrences(of: "registryIds: [NCT09999999]", with: "registryIds: [NCT123]").utf8).write(to: summary)
        #expect(watch.waitFor("round done", count: 2), "\(watch.stdout)\(watch.stderr)")
        #expect(Background.waitUntil(seconds: 5) { watch.stderr.contains("example.yaml:") && watch.stderr.contains("error: trial.registryIds[0]") },
                "no located error: \(watch.stderr)")
        #expect(watch.stdout.contains("changed: "))
        #expect(FileManager.default.fileExists(atPath: pdf.path))
        #expect(try String(contentsOf: digest, encoding: .utf8) == firstDigest)

        // Valid again, with a new title: its outputs are rewritten and listed.
        try Data(good.replacingOccurrences(of: "a daily walk alongside chemotherapy", with: "an evening walk alongside chemotherapy").utf8)
            .write(to: summary)
        #expect(watch.waitFor("round done", count: 3), "\(watch.stdout)\(watch.stderr)")
        #expect(try String(contentsOf: digest, encoding: .utf8).contains("evening walk"))
        let third = watch.stdout.components(separatedBy: "round done").dropLast().last ?? ""
        #expect(third.contains("output/digest/example.txt"), "\(third)")
        #expect(third.contains("output/pdf/a4/example.pdf"), "\(third)")

        // Deleted: its outputs go, the watch goes on; Ctrl-C ends it with status 0.
        try FileManager.default.removeItem(at: summary)
        #expect(watch.waitFor("round done", count: 4), "\(watch.stdout)\(watch.stderr)")
        #expect(!FileManager.default.fileExists(atPath: pdf.path))
        #expect(watch.stop() == 0)
        #expect(watch.stdout.contains("watch stopped"))
    }
}
