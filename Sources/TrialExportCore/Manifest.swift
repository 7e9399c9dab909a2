import ExportKit
import Foundation

/// `output/manifest.json`: every output file with its hash and what it was built from.
/// A rerun skips a job whose input hash is unchanged and whose files are intact.
public struct Manifest: Codable, Sendable, Equatable {
    public struct Entry: Codable, Sendable, Equatable {
        public var sha256: String
        public var size: Int
        public var format: String
        /// Empty for collection outputs.
        public var summaryID: String
        /// PDF layout or empty.
        public var variant: String
        /// Hash of the summary source, settings, options, variant resources and tool version.
        public var inputHash: String
    }

    /// A source file that loaded without errors in the run that wrote this manifest.
    public struct Source: Codable, Sendable, Equatable {
        public var sha256: String
        public var summaryID: String
        /// Its warnings as printed, so a rerun that does not parse the source can still show them.
        public var warnings: [String]?
    }

    public var tool: String
    public var files: [String: Entry]
    /// Source path → what it held; lets a rerun skip parsing sources that did not change.
    public var sources: [String: Source]

    public static let fileName = "manifest.json"

    public init(tool: String, files: [String: Entry] = [:], sources: [String: Source] = [:]) {
        self.tool = tool
        self.files = files
        self.sources = sources
    }

    public static func load(from folder: URL) -> Manifest? {
        if case .loaded(let m, _) = read(from: folder) { return m }
        return nil
    }

    /// What reading the manifest gave: nothing (no manifest yet), a manifest (and warnings about entries dropped
    /// from it), or a file that exists but cannot be used, with the reason.
    public enum Reading: Sendable {
        case missing
        case loaded(Manifest, warnings: [String])
        case unreadable(String)
    }

    /// Reads `manifest.json`. Entries whose paths could leave the output folder are dropped with a warning:
    /// the manifest is a file anyone can edit, and pruning deletes what it lists.
    public static func read(from folder: URL) -> Reading {
        let url = folder.appendingPathComponent(fileName)
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            if !FileManager.default.fileExists(atPath: url.path) { return .missing }
            return .unreadable(FileProblem("cannot read", path: url.path, error: error).reason)
        }
        var m: Manifest
        do { m = try JSONDecoder().decode(Manifest.self, from: data) } catch {
            return .unreadable(Self.describe(error))
        }
        var warnings: [String] = []
        for path in m.files.keys.sorted() where !isSafeRelativePath(path) {
            warnings.append("\(url.path): warning: entry '\(path)' lies outside the output folder; ignored")
            m.files[path] = nil
        }
        return .loaded(m, warnings: warnings)
    }

    /// A relative path that stays inside the output folder by its spelling (symlinks are checked on deletion).
    static func isSafeRelativePath(_ p: String) -> Bool {
        !p.isEmpty && !p.hasPrefix("/") && !p.split(separator: "/").contains("..") && p != fileName
            && !p.split(separator: "/").contains(".") && !p.contains("\0")
    }

    private static func describe(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .dataCorrupted(let c)?: return "invalid JSON: " + c.debugDescription
        case .keyNotFound(let k, _)?: return "not a manifest of this tool: missing key '\(k.stringValue)'"
        case .typeMismatch(_, let c)?, .valueNotFound(_, let c)?:
            return "wrong type at \(c.codingPath.map(\.stringValue).joined(separator: "."))"
        default: return "\(error)"
        }
    }

    public func encoded() throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try e.encode(self) + Data("\n".utf8)
    }

}

/// A manifest's outputs grouped by job (format, variant, summary id), built once per run. Finding a job's outputs
/// by scanning every entry made the no-change rerun quadratic: 6,000 job checks × 7,000 entries took most of the
/// 1,000-summary warm run (docs/performance.md).
struct ManifestIndex: Sendable {
    private struct Job: Hashable, Sendable { var format, variant, summaryID: String }
    private let paths: [Job: [String]]
    let manifest: Manifest

    init(_ manifest: Manifest) {
        var paths: [Job: [String]] = [:]
        for (path, e) in manifest.files { paths[Job(format: e.format, variant: e.variant, summaryID: e.summaryID), default: []].append(path) }
        self.paths = paths.mapValues { $0.sorted() }
        self.manifest = manifest
    }

    /// Paths recorded for one job, sorted.
    func paths(format: String, variant: String, summaryID: String) -> [String] {
        paths[Job(format: format, variant: variant, summaryID: summaryID)] ?? []
    }

    /// Paths recorded for one job, sorted, if all of them carry `inputHash`.
    func outputs(format: String, variant: String, summaryID: String, inputHash: String) -> [String]? {
        let p = paths(format: format, variant: variant, summaryID: summaryID)
        guard !p.isEmpty, p.allSatisfy({ manifest.files[$0]!.inputHash == inputHash }) else { return nil }
        return p
    }
}
