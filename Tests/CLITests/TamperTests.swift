import Foundation
import Testing
import TestSupport

/// The data-loss and stale-output cases of issues 11 and 17, through the command line with the JSON-LD format
/// (fast). Each fails with main's binary at fd5cbae (`TRIALEXPORT_CLI=/work/main/.build/debug/trialexport`).
@Suite struct TamperTests {
    struct Project {
        let input: URL, output: URL
        init(samples: Int = 3) throws {
            input = try TestSupport.temporaryFolder()
            output = try TestSupport.temporaryFolder()
            #expect(try CLI.run(["sample", "--count", "\(samples)", "--seed", "31", "--output", input.path]).status == 0)
        }
        @discardableResult
        func all(_ extra: [String] = []) throws -> CLI.Result {
            try CLI.run(["all", "--quiet", "--formats", "jsonld", "--input", input.path, "--output", output.path] + extra)
        }
        func out(_ path: String) -> URL { output.appendingPathComponent(path) }
        func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: out(path).path) }
        var manifest: [String: Any] {
            get throws { try JSONSerialization.jsonObject(with: Data(contentsOf: out("manifest.json"))) as? [String: Any] ?? [:] }
        }
        func setManifest(_ m: [String: Any]) throws {
            try JSONSerialization.data(withJSONObject: m, options: [.sortedKeys]).write(to: out("manifest.json"))
        }
    }

    @Test func aManifestEntryOutsideTheOutputFolderIsNotDeleted() throws {
        let p = try Project()
        try p.all()
        let victim = p.output.deletingLastPathComponent().appendingPathComponent("victim-\(UUID().uuidString).txt")
        try Data("precious".utf8).write(to: victim)
        var m = try p.manifest
        var files = m["files"] as? [String: Any] ?? [:]
        files["../" + victim.lastPathComponent] = ["format": "jsonld", "summaryID": "gone", "variant": "", "sha256": "x", "size": 8, "inputHash": "x"]
        m["files"] = files
        try p.setManifest(m)
        let r = try p.all()
        #expect(FileManager.default.fileExists(atPath: victim.path), "\(r.stderr)")
        #expect(r.stderr.contains("lies outside the output folder"))
    }

    @Test func aSameSizeEditIsRebuilt() throws {
        let p = try Project()
        try p.all()
        let file = p.out("jsonld/sample-1.jsonld")
        let original = try Data(contentsOf: file)
        try Data(repeating: UInt8(ascii: " "), count: original.count).write(to: file)
        let r = try p.all()
        #expect(r.stdout.hasPrefix("1 exported"), "\(r.stdout)")
        #expect(try Data(contentsOf: file) == original)
    }

    @Test func aCopyWithTheSameIdDoesNotTakeOverTheOutputs() throws {
        let p = try Project()
        try p.all()
        let before = try Data(contentsOf: p.out("jsonld/sample-2.jsonld"))
        let copy = try String(contentsOf: p.input.appendingPathComponent("sample-2.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "\ntitle: \"", with: "\ntitle: \"Impostor ")
        try copy.write(to: p.input.appendingPathComponent("a-copy.yaml"), atomically: true, encoding: .utf8)
        let r = try p.all()
        #expect(r.status == 1)
        #expect(r.stderr.contains("a-copy.yaml:3:5: error: id: duplicate id 'sample-2'"), "\(r.stderr)")
        #expect(try Data(contentsOf: p.out("jsonld/sample-2.jsonld")) == before)
    }

    @Test func anIdThatNamesACollectionIsRefused() throws {
        let p = try Project()
        let file = p.input.appendingPathComponent("sample-1.yaml")
        try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "\nid: \"sample-1\"\n", with: "\nid: \"collection\"\n")
            .write(to: file, atomically: true, encoding: .utf8)
        let r = try p.all()
        #expect(r.status == 1)
        #expect(r.stderr.contains("sample-1.yaml:3:5: error: id: 'collection' is reserved"), "\(r.stderr)")
        #expect(!p.exists("jsonld/collection.html"))
    }

    @Test func forceRebuildsAndPrunes() throws {
        let p = try Project()
        try p.all()
        try FileManager.default.removeItem(at: p.input.appendingPathComponent("sample-3.yaml"))
        let r = try p.all(["--force"])
        #expect(r.status == 0)
        #expect(!p.exists("jsonld/sample-3.jsonld") && !p.exists("jsonld/sample-3.html"))
        #expect(try (p.manifest["files"] as? [String: Any] ?? [:]).keys.allSatisfy { !$0.contains("sample-3") })
    }

    @Test func anUnreadableManifestIsAWarningAndStrayOutputsArePruned() throws {
        let p = try Project()
        try p.all()
        try Data("garbage".utf8).write(to: p.out("manifest.json"))
        try FileManager.default.removeItem(at: p.input.appendingPathComponent("sample-3.yaml"))
        let r = try p.all()
        #expect(r.status == 0)
        #expect(r.stderr.contains("manifest.json: warning: the manifest cannot be used (invalid JSON"), "\(r.stderr)")
        #expect(!p.exists("jsonld/sample-3.jsonld") && p.exists("jsonld/sample-2.jsonld"))
    }

    @Test func aCollectionMissingFromTheManifestIsRebuilt() throws {
        let p = try Project()
        try p.all()
        var m = try p.manifest
        var files = m["files"] as? [String: Any] ?? [:]
        files["jsonld/collection.jsonld"] = nil
        m["files"] = files
        try p.setManifest(m)
        try FileManager.default.removeItem(at: p.out("jsonld/collection.jsonld"))
        let r = try p.all()
        #expect(r.stdout.hasPrefix("1 exported"), "\(r.stdout)")
        #expect(p.exists("jsonld/collection.jsonld"))
    }
}
