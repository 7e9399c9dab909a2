import ArgumentParser
import Foundation
import TrialExportCore

/// Where the library and settings are. Defaults come from the project folder (the nearest folder upward holding
/// trialexport.yaml or layouts/), so a command run from a subfolder uses the project's settings and summaries.
struct ProjectOptions: ParsableArguments {
    @Option(name: .customLong("input"), help: "Folder of summary sources (*.yaml) (default: summaries/ in the project folder).",
            completion: .directory)
    var inputOption: String?

    @Option(name: .customLong("config"),
            help: "Settings file (default: trialexport.yaml in the project folder, defaults when there is none); must exist when given.",
            completion: .file(extensions: ["yaml"]))
    var configOption: String?

    @OptionGroup var resources: ResourceOptions

    var input: String { inputOption ?? Project.defaultPath("summaries") }
    var config: String { configOption ?? Project.defaultPath(Project.settingsFileName) }

    func validate() throws {
        try Self.requireFile(configOption, option: "--config")
    }

    /// An explicitly named settings file that does not exist is a usage error, never a silent fall-back to defaults.
    static func requireFile(_ path: String?, option: String) throws {
        if let path, !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("\(option) \(path): no such file (without \(option), \(Project.settingsFileName) is looked up in the project folder)")
        }
    }
}

/// Where layouts/ and fonts/ come from; see `ResourceSearch` for the order.
struct ResourceOptions: ParsableArguments {
    @Option(name: .customLong("resources"),
            help: ArgumentHelp("Folder with layouts/ and fonts/ that take precedence over $TRIALEXPORT_RESOURCES, the project folder and the installed ones.",
                               valueName: "dir"),
            completion: .directory)
    var folder: String?

    var search: ResourceSearch { ResourceSearch(explicit: folder) }

    /// The folder exporters read layouts/ and fonts/ from; a miss names every place searched.
    func root() throws -> URL {
        do { return try search.resolve() } catch { throw Report.fail("\(error)") }
    }

    func validate() throws {
        if let folder, !FileManager.default.fileExists(atPath: folder) {
            throw ValidationError("--resources \(folder): no such folder")
        }
    }
}

/// How outputs are written.
struct OutputOptions: ParsableArguments {
    @Option(name: .customLong("output"), help: "Output folder (default: output/ in the project folder).", completion: .directory)
    var outputOption: String?

    var output: String { outputOption ?? Project.defaultPath("output") }

    @Option(name: .long, help: "Parallel jobs (default: number of cores).")
    var jobs: Int?

    @Flag(name: .long, help: "Rebuild outputs even when their inputs are unchanged.")
    var force = false

    @Flag(name: .long, help: "Print only errors and the final summary line.")
    var quiet = false

    @Option(name: .long, help: "Export only slice K of N (e.g. 2/8), chosen by a stable hash of each id; collections are left to --collections-only.",
            transform: { s in
                guard let shard = Shard(s) else { throw ValidationError("'\(s)' is not a shard K/N with 1 ≤ K ≤ N") }
                return shard
            })
    var shard: Shard?

    @Flag(name: .long, help: "Build only the collection outputs (collection EPUB, digest message, collection JSON-LD) from the whole library.")
    var collectionsOnly = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if shard != nil && collectionsOnly { throw ValidationError("--shard and --collections-only do not go together") }
    }
}
