import ArgumentParser
import TrialExportCore

/// Where the library and settings are.
struct ProjectOptions: ParsableArguments {
    @Option(name: .long, help: "Folder of summary sources (*.yaml).")
    var input: String = "summaries"

    @Option(name: .long, help: "Settings file; defaults apply when it does not exist.")
    var config: String = "trialexport.yaml"
}

/// How outputs are written.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "Output folder.")
    var output: String = "output"

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
