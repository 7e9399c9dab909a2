import Foundation
import Testing
import TestSupport

/// Projects outside the repository: `init`, settings found from subfolders, `--config`, resource lookup.
@Suite struct ProjectTests {
    let fm = FileManager.default

    @Test func initWritesAScaffoldThatValidatesAndExports() throws {
        let dir = try TestSupport.temporaryFolder().appendingPathComponent("new project")
        let r = try CLI.run(["init", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        for f in ["trialexport.yaml", "summaries/example.yaml", ".gitignore", "README.md"] {
            #expect(fm.fileExists(atPath: dir.appendingPathComponent(f).path), "\(f) missing")
        }
        let readme = try String(contentsOf: dir.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.split(separator: "\n", omittingEmptySubsequences: false).dropLast().count == 10)
        #expect(try String(contentsOf: dir.appendingPathComponent(".gitignore"), encoding: .utf8).contains("/output/"))
        let example = try String(contentsOf: dir.appendingPathComponent("summaries/example.yaml"), encoding: .utf8)
        #expect(example.contains("FICTIONAL"))
        for block in ["paragraph:", "list:", "subheading:", "qa:", "quote:", "outcome:", "registry-link:"] {
            #expect(example.contains("- \(block)"), "block kind \(block) missing from the example")
        }

        // Every settings key is there, set to its default (the repository's own file holds the defaults).
        let settings = try String(contentsOf: dir.appendingPathComponent("trialexport.yaml"), encoding: .utf8)
        let repoSettings = try String(contentsOf: TestSupport.repoRoot.appendingPathComponent("trialexport.yaml"), encoding: .utf8)
        for line in repoSettings.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).hasPrefix("#") {
            #expect(settings.contains(line), "scaffold settings lack '\(line)'")
        }

        let v = try CLI.run(["validate"], cwd: dir)
        #expect(v.status == 0, "\(v.stdout)")
        #expect(v.stdout.contains("1 valid, 0 invalid; 0 errors, 0 warnings"), "\(v.stdout)")
        let all = try CLI.run(["all", "--quiet", "--resources", TestSupport.repoRoot.path], cwd: dir)
        #expect(all.status == 0, "\(all.stdout)\(all.stderr)")
        for out in ["pdf/a4/example.pdf", "pdf/large-print/example.pdf", "epub/example.epub", "epub/collection.epub",
                    "digest/example.txt", "digest/digest.eml", "jsonld/example.jsonld", "jsonld/example.html", "manifest.json"] {
            #expect(fm.fileExists(atPath: dir.appendingPathComponent("output/" + out).path), "\(out) not written")
        }
    }

    @Test func initRefusesToOverwriteUnlessForced() throws {
        let dir = try TestSupport.temporaryFolder()
        #expect(try CLI.run(["init"], cwd: dir).status == 0)
        try Data("# mine\n".utf8).write(to: dir.appendingPathComponent("README.md"))
        let again = try CLI.run(["init"], cwd: dir)
        #expect(again.status == 1)
        #expect(again.stderr.contains("trialexport.yaml") && again.stderr.contains("README.md") && again.stderr.contains("example.yaml"), "\(again.stderr)")
        #expect(try String(contentsOf: dir.appendingPathComponent("README.md"), encoding: .utf8) == "# mine\n")
        #expect(try CLI.run(["init", "--force"], cwd: dir).status == 0)
        #expect(try String(contentsOf: dir.appendingPathComponent("README.md"), encoding: .utf8) != "# mine\n")
    }

    @Test func helpListsCommandsInTheOrderANewcomerNeedsThem() throws {
        let help = try CLI.run(["--help"]).stdout
        let positions = ["init", "validate", "all", "watch", "formats", "layouts"].map { help.range(of: "\n  \($0) ")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil }, "\(help)")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted(), "\(help)")
    }

    @Test func missingConfigIsAUsageError() throws {
        for cmd in [["all"], ["pdf"], ["validate"], ["watch"]] {
            let r = try CLI.run(cmd + ["--config", "missing.yaml"])
            #expect(r.status == 2, "\(cmd)")
            #expect(r.stderr.contains("--config missing.yaml: no such file"), "\(r.stderr)")
        }
        #expect(try CLI.run(["all", "--resources", "/no/such/folder"]).status == 2)
    }

    @Test func aSubfolderUsesTheProjectsSettingsSummariesAndOutput() throws {
        let dir = try TestSupport.temporaryFolder()
        #expect(try CLI.run(["init", dir.path]).status == 0)
        let settings = dir.appendingPathComponent("trialexport.yaml")
        let text = try String(contentsOf: settings, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "baseURL: https://cleartrials.example.org/summaries/", with: "baseURL: https://trials.test/s/").utf8)
            .write(to: settings)
        let sub = dir.appendingPathComponent("summaries")
        let r = try CLI.run(["jsonld", "--quiet", "--resources", TestSupport.repoRoot.path], cwd: sub)
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try String(contentsOf: dir.appendingPathComponent("output/jsonld/example.jsonld"), encoding: .utf8)
        #expect(doc.contains("https://trials.test/s/example"))
        #expect(!fm.fileExists(atPath: sub.appendingPathComponent("output").path))
    }

    @Test func missingResourcesNameEveryPlaceSearched() throws {
        let dir = try TestSupport.temporaryFolder()
        #expect(try CLI.run(["init", dir.path]).status == 0)
        let r = try CLI.run(["all"], cwd: dir)
        #expect(r.status == 1)
        for place in ["--resources: not set", "$TRIALEXPORT_RESOURCES: not set", "project folder: \(dir.path)/layouts (missing)", "install prefix: "] {
            #expect(r.stderr.contains(place), "'\(place)' missing from: \(r.stderr)")
        }
    }

    @Test func resourcesOptionAndVariableComeBeforeTheProject() throws {
        let dir = try TestSupport.temporaryFolder()
        #expect(try CLI.run(["init", dir.path]).status == 0)
        try ProjectTests.addProjectLayout(to: dir)
        let own = try CLI.run(["layouts", "--resources", TestSupport.repoRoot.path], cwd: dir)
        #expect(own.status == 0, "\(own.stderr)")
        #expect(!own.stdout.contains("Project A4") && own.stdout.contains("large-print"), "\(own.stdout)")
        let env = try CLI.run(["layouts"], cwd: dir, environment: ["TRIALEXPORT_RESOURCES": TestSupport.repoRoot.path])
        #expect(env.status == 0, "\(env.stderr)")
        #expect(!env.stdout.contains("Project A4") && env.stdout.contains("letter"), "\(env.stdout)")
    }

    /// A project layout that replaces the a4 layout, with a title that shows it did.
    static func addProjectLayout(to dir: URL) throws {
        let layouts = dir.appendingPathComponent("layouts")
        try FileManager.default.createDirectory(at: layouts, withIntermediateDirectories: true)
        let a4 = try String(contentsOf: TestSupport.repoRoot.appendingPathComponent("layouts/a4.yaml"), encoding: .utf8)
        try Data(a4.replacingOccurrences(of: "\nname: ", with: "\nname: Project ").utf8).write(to: layouts.appendingPathComponent("a4.yaml"))
    }
}
