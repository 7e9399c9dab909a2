import Foundation
import Testing
import TestSupport

/// A fifth format, `html`, that trialexport does not ship (Tests/HTMLFormat: one folder, one registry line in its
/// main.swift, one Package.swift entry) gets a command with its own options, its section of trialexport.yaml with
/// located errors, a place in `formats`, `all` and `--formats`, and its own output folder, without any change to
/// the CLI, the engine, ExportKit or the model.
@Suite struct FifthFormatTests {
    static let binary = CLI.binary.deletingLastPathComponent().appendingPathComponent("trialexport-html")

    func run(_ args: [String], cwd: URL = TestSupport.repoRoot) throws -> CLI.Result {
        try CLI.run(args, cwd: cwd, executable: Self.binary)
    }

    @Test func theRegistryAndTheCommandLinePickItUp() throws {
        let formats = try run(["formats"])
        #expect(formats.stdout.contains("html     HTML page (test format) (application/xhtml+xml)"), "\(formats.stdout)")
        let help = try run(["--help"])
        #expect(help.stdout.contains("  html "), "\(help.stdout)")
        let own = try run(["html", "--help"])
        #expect(own.status == 0)
        #expect(own.stdout.contains("--no-stylesheet") && own.stdout.contains("--input"), "\(own.stdout)")
        #expect(try run(["pdf", "--no-stylesheet"]).status == 2, "an option belongs to its format's command only")
        // The shipped tool does not know it.
        #expect(try CLI.run(["html"]).status == 2)
        #expect(!(try CLI.run(["formats"]).stdout.contains("html")))
    }

    @Test func itExportsIntoItsOwnFolderWithItsOwnSettingsAndOptions() throws {
        let dir = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = dir.appendingPathComponent("trialexport.yaml")
        try "siteName: Fifth\nhtml:\n  stylesheet: site.css\n".write(to: config, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out")
        let common = ["--input", "summaries", "--config", config.path, "--resources", ".", "--output", out.path, "--quiet"]
        let r = try run(["html"] + common)
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        let page = try String(contentsOf: out.appendingPathComponent("html/patina.html"), encoding: .utf8)
        #expect(page.contains("href=\"site.css\"") && page.contains("<p>Fifth</p>"), "\(page)")
        let manifest = try String(contentsOf: out.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(manifest.contains("html/patina.html"))

        // Its option reaches only its exporter, and (being part of what the page reads) rebuilds the page.
        let again = try run(["html", "--no-stylesheet"] + common)
        // Every summary (PATINA and its translation) is rebuilt, none skipped.
        #expect(again.stdout.contains(" exported, 0 skipped") && !again.stdout.hasPrefix("0 exported"), "\(again.stdout)")
        #expect(!(try String(contentsOf: out.appendingPathComponent("html/patina.html"), encoding: .utf8)).contains("site.css"))

        // `all --formats html` runs it like any other format.
        let all = try run(["all", "--formats", "html,jsonld"] + common)
        #expect(all.status == 0, "\(all.stdout)\(all.stderr)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("jsonld/patina.jsonld").path))
    }

    @Test func itsSettingsSectionHasLocatedErrors() throws {
        let dir = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = dir.appendingPathComponent("trialexport.yaml")
        try "html:\n  stylesheet: site.txt\n".write(to: config, atomically: true, encoding: .utf8)
        let r = try run(["validate", "summaries", "--config", config.path])
        #expect(r.status == 1)
        #expect(r.stdout.contains("\(config.path):2:15: error: html.stylesheet: 'site.txt' is not a .css file"), "\(r.stdout)")
        // The shipped tool has no html section: the key itself is unknown there.
        let shipped = try CLI.run(["validate", "summaries", "--config", config.path])
        #expect(shipped.status == 1 && shipped.stdout.contains("unknown key 'html'"), "\(shipped.stdout)")
    }
}
