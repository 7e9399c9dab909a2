import ExportKit
import Foundation
import JSONLDExport
import TestSupport
import TrialModel

/// Shared by the JSON-LD tests: the exporter, PATINA variants, the offline validator, golden files.
enum JSONLDFixtures {
    static func exporter(settings: Settings = .defaults) throws -> JSONLDExporter {
        var context = TestSupport.context()
        context.settings = settings
        return try JSONLDExporter(context: context)
    }

    /// Renders one summary and returns its outputs keyed by path.
    static func render(_ item: LoadedSummary, settings: Settings = .defaults) throws -> [String: Data] {
        let files = try exporter(settings: settings).render(item, variant: "", worker: WorkerCache())
        return Dictionary(uniqueKeysWithValues: try files.map { ($0.path, try $0.bytes()) })
    }

    /// PATINA with its summary changed by `edit`, re-derived like a loaded summary.
    static func patina(_ edit: (inout Summary) -> Void) throws -> LoadedSummary {
        let base = try TestSupport.patina()
        var s = base.summary
        edit(&s)
        return LoadedSummary(summary: s, sourcePath: base.sourcePath, sourceBytes: base.sourceBytes)
    }

    /// `check-jsonld`, vendored with its vocabulary in Tests/validators/jsonld/ (see the NOTE there).
    static let checker: String? = {
        let path = TestSupport.repoRoot.appendingPathComponent("Tests/validators/jsonld/tools/check-jsonld").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }()

    /// The validator, or a failure: a missing validator fails the run, never skips it.
    static func requireChecker() throws -> String {
        guard let checker else { throw TestFailure("check-jsonld was not found (expected in Tests/validators/jsonld/tools/): the JSON-LD checks cannot run") }
        return checker
    }

    /// Writes files to a fresh folder and runs `check-jsonld --strict` on them.
    static func check(_ files: [String: Data]) throws -> (status: Int32, output: String) {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for (name, data) in files.sorted(by: { $0.key < $1.key }) {
            let url = folder.appendingPathComponent((name as NSString).lastPathComponent)
            try data.write(to: url)
            paths.append(url.path)
        }
        let r = try TestSupport.run(try requireChecker(), ["--strict"] + paths)
        return (r.status, r.stdout + r.stderr)
    }

    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
}

extension JSONValue {
    /// The `@graph` nodes of a document.
    var graphNodes: [JSONValue] { self["@graph"]?.arrayValue ?? [] }

    /// `@type` of a node.
    var type: String? { self["@type"]?.stringValue }

    /// The `@id`s a reference or array of references points to.
    var referencedIDs: [String] {
        switch self {
        case .array(let items): items.compactMap { $0["@id"]?.stringValue }
        default: self["@id"]?.stringValue.map { [$0] } ?? []
        }
    }
}
