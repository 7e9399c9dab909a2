import Foundation
import Testing
import TestSupport

/// `make install` into a temporary prefix, then the installed tool used from a folder unrelated to the repository.
@Suite struct InstallTests {
    let fm = FileManager.default

    @Test func installedToolExportsAScaffoldLikeTheRepository() throws {
        let prefix = try TestSupport.temporaryFolder()
        defer { try? fm.removeItem(at: prefix) }
        let make = try TestSupport.run("make", ["-s", "-C", TestSupport.repoRoot.path, "install", "PREFIX=\(prefix.path)", "BIN=\(CLI.binary.path)"])
        #expect(make.status == 0, "\(make.stdout)\(make.stderr)")
        let tool = prefix.appendingPathComponent("bin/trialexport")
        for f in ["share/trialexport/layouts/a4.yaml", "share/trialexport/fonts/AtkinsonHyperlegible-Regular.ttf",
                  "share/trialexport/schema/summary.schema.json", "share/man/man1/trialexport.1",
                  "share/bash-completion/completions/trialexport", "share/zsh/site-functions/_trialexport",
                  "share/fish/vendor_completions.d/trialexport.fish"] {
            #expect(fm.fileExists(atPath: prefix.appendingPathComponent(f).path), "\(f) not installed")
        }

        // The man page renders without a single groff warning.
        let groff = try TestSupport.run("groff", ["-ww", "-z", "-man", prefix.appendingPathComponent("share/man/man1/trialexport.1").path])
        #expect(groff.status == 0 && groff.stderr.isEmpty, "\(groff.stderr)")
        let bash = try String(contentsOf: prefix.appendingPathComponent("share/bash-completion/completions/trialexport"), encoding: .utf8)
        #expect(bash.contains("---completion"), "no custom completion call in the bash script")

        // A scaffolded project in an unrelated folder, exported by the installed tool from a subfolder.
        let project = try TestSupport.temporaryFolder()
        defer { try? fm.removeItem(at: project) }
        #expect(try CLI.run(["init", project.path], executable: tool).status == 0)
        let installed = try CLI.run(["all", "--quiet"], cwd: project.appendingPathComponent("summaries"), executable: tool)
        #expect(installed.status == 0, "\(installed.stdout)\(installed.stderr)")

        // The same summaries and settings exported with the repository's binary and resources.
        let reference = try TestSupport.temporaryFolder()
        defer { try? fm.removeItem(at: reference) }
        let repo = try CLI.run(["all", "--quiet", "--input", project.appendingPathComponent("summaries").path,
                                "--config", project.appendingPathComponent("trialexport.yaml").path, "--output", reference.path])
        #expect(repo.status == 0, "\(repo.stderr)")
        let ours = try outputs(project.appendingPathComponent("output")), theirs = try outputs(reference)
        #expect(ours.count >= 9)
        #expect(ours == theirs, "installed outputs differ: \(Set(ours.keys).symmetricDifference(theirs.keys))")

        // Completion candidates: summary ids from the project, layout names from the installation.
        let ids = try CLI.run(["---completion", "pdf", "--", "positional@0", "2", "0", "trialexport", "pdf", ""], cwd: project, executable: tool)
        #expect(ids.stdout.contains("example"), "\(ids.stdout)\(ids.stderr)")
        let names = try CLI.run(["---completion", "pdf", "--", "--layout", "3", "0", "trialexport", "pdf", "--layout", ""], cwd: project, executable: tool)
        #expect(names.stdout.contains("large-print"), "\(names.stdout)\(names.stderr)")

        // A project layout replaces the installed one of its name; the others stay.
        try ProjectTests.addProjectLayout(to: project)
        let layouts = try CLI.run(["layouts"], cwd: project, executable: tool)
        #expect(layouts.stdout.contains("Project A4") && layouts.stdout.contains("large-print") && layouts.stdout.contains("letter"),
                "\(layouts.stdout)\(layouts.stderr)")
        #expect(layouts.stdout.contains("a4 from \(project.resolvingSymlinksInPath().path)/layouts"), "\(layouts.stdout)")
        #expect(layouts.stdout.contains("letter from \(prefix.resolvingSymlinksInPath().path)/share/trialexport/layouts"), "\(layouts.stdout)")

        let uninstall = try TestSupport.run("make", ["-s", "-C", TestSupport.repoRoot.path, "uninstall", "PREFIX=\(prefix.path)"])
        #expect(uninstall.status == 0, "\(uninstall.stderr)")
        #expect(!fm.fileExists(atPath: tool.path))
        #expect(!fm.fileExists(atPath: prefix.appendingPathComponent("share/trialexport").path))
    }

    /// Relative path → bytes of every output but the manifest (which records where sources were).
    private func outputs(_ folder: URL) throws -> [String: Data] {
        var all: [String: Data] = [:]
        for case let rel as String in fm.enumerator(atPath: folder.path)! where rel != "manifest.json" {
            let url = folder.appendingPathComponent(rel)
            var dir: ObjCBool = false
            if fm.fileExists(atPath: url.path, isDirectory: &dir), !dir.boolValue { all[rel] = try Data(contentsOf: url) }
        }
        return all
    }
}
