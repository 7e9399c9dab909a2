import Crypto
import ExportKit
import Foundation

/// Finds `layouts/` and `fonts/` for a run. Places, strongest first: `--resources DIR`, `$TRIALEXPORT_RESOURCES`,
/// the project folder, the install prefix next to the executable (`../share/trialexport`). Files override by name:
/// a project's `layouts/a4.yaml` replaces the installed one, the other installed layouts stay available.
public struct ResourceSearch: Sendable {
    public struct Place: Sendable {
        /// How the place was chosen, for messages: "--resources", "$TRIALEXPORT_RESOURCES", "project folder", "install prefix".
        public var label: String
        /// Nil when the option or variable is not set, or there is no project folder.
        public var folder: URL?
    }

    public static let kinds = ["layouts", "fonts"]
    public var places: [Place]

    public init(places: [Place]) { self.places = places }

    /// The places for this process: the option, the environment, the project folder above `start`, the install prefix.
    public init(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                start: URL = Project.currentDirectory, installed: URL = Project.installedResources) {
        let env = environment[Project.resourcesVariable].flatMap { $0.isEmpty ? nil : $0 }
        places = [Place(label: "--resources", folder: explicit.map { URL(fileURLWithPath: $0) }),
                  Place(label: "$" + Project.resourcesVariable, folder: env.map { URL(fileURLWithPath: $0) }),
                  Place(label: "project folder", folder: Project.root(from: start)),
                  Place(label: "install prefix", folder: installed)]
    }

    /// The folders holding `kind` (layouts or fonts), strongest first.
    public func folders(_ kind: String) -> [URL] {
        // A folder named twice (`--resources .` inside the project) counts once: it is then used as it is, not
        // gathered into a folder of links.
        var seen = Set<String>()
        return places.compactMap { $0.folder?.appendingPathComponent(kind) }.filter(Project.isDirectory)
            .filter { seen.insert($0.resolvingSymlinksInPath().standardizedFileURL.path).inserted }
    }

    /// What was searched, one place per line, for "not found" messages.
    public func searched(_ kind: String) -> String {
        places.map { p in
            guard let f = p.folder else { return "  \(p.label): not set" }
            let sub = f.appendingPathComponent(kind)
            return "  \(p.label): \(sub.path)" + (Project.isDirectory(sub) ? "" : " (missing)")
        }.joined(separator: "\n")
    }

    /// A folder holding `layouts/` and `fonts/` as exporters expect. One place with both is used as it is; when the
    /// files come from several places, a folder of symbolic links (named by what it holds, so reruns reuse it) is
    /// made under the temporary folder. Fails, naming every place searched, when a kind is found nowhere, or when
    /// `--resources` or `$TRIALEXPORT_RESOURCES` names a folder that does not exist.
    public func resolve() throws -> URL {
        for p in places.prefix(2) {
            if let f = p.folder, !Project.isDirectory(f) {
                throw ExportError.configuration("\(p.label) \(f.path): no such folder")
            }
        }
        var chosen: [String: [URL]] = [:]
        for kind in Self.kinds {
            let found = folders(kind)
            guard !found.isEmpty else {
                throw ExportError.configuration("no \(kind)/ folder found; searched, in order:\n\(searched(kind))\n"
                    + "install trialexport with `make install`, or point --resources or $TRIALEXPORT_RESOURCES at a folder holding layouts/ and fonts/")
            }
            chosen[kind] = found
        }
        let roots = Set(Self.kinds.map { chosen[$0]!.count == 1 ? chosen[$0]![0].deletingLastPathComponent().path : "" })
        if roots.count == 1, let only = roots.first, !only.isEmpty { return URL(fileURLWithPath: only) }
        return try compose(chosen)
    }

    /// Name → file for one kind, the strongest place winning each name.
    public static func merged(_ folders: [URL]) -> [(name: String, file: URL)] {
        var seen: [String: URL] = [:]
        for folder in folders.reversed() {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where !name.hasPrefix(".") {
                seen[name] = folder.appendingPathComponent(name)
            }
        }
        return seen.keys.sorted().map { ($0, seen[$0]!) }
    }

    private func compose(_ chosen: [String: [URL]]) throws -> URL {
        let links = Self.kinds.map { kind in (kind, Self.merged(chosen[kind]!)) }
        let listing = links.flatMap { kind, files in files.map { "\(kind)/\($0.name)\u{0}\($0.file.path)\n" } }.joined()
        let key = SHA256.hash(data: Data(listing.utf8)).prefix(12).map { String(format: "%02x", $0) }.joined()
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("trialexport-resources-\(getuid())")
        let target = base.appendingPathComponent(key)
        if Project.isDirectory(target) { return target }
        // Built aside and renamed into place, so a concurrent run never sees a half-made folder.
        let fm = FileManager.default
        let temp = base.appendingPathComponent(".\(key)-\(UUID().uuidString)")
        try fm.createDirectory(at: temp, withIntermediateDirectories: true)
        for (kind, files) in links {
            let dir = temp.appendingPathComponent(kind)
            try fm.createDirectory(at: dir, withIntermediateDirectories: true)
            for f in files { try fm.createSymbolicLink(at: dir.appendingPathComponent(f.name), withDestinationURL: f.file) }
        }
        if rename(temp.path, target.path) != 0 { try? fm.removeItem(at: temp) }
        return target
    }
}
