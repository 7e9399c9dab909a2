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
        guard let data = try? Data(contentsOf: folder.appendingPathComponent(fileName)) else { return nil }
        return try? JSONDecoder().decode(Manifest.self, from: data)
    }

    public func encoded() throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try e.encode(self) + Data("\n".utf8)
    }

    /// Paths recorded for one job, if all of them carry `inputHash`.
    func outputs(format: String, variant: String, summaryID: String, inputHash: String) -> [String]? {
        let paths = files.filter { $0.value.format == format && $0.value.variant == variant && $0.value.summaryID == summaryID }
        guard !paths.isEmpty, paths.allSatisfy({ $0.value.inputHash == inputHash }) else { return nil }
        return paths.keys.sorted()
    }
}
