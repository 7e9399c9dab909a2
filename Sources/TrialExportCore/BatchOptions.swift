import Foundation

/// How a batch run behaves; the CLI fills it from its flags.
public struct BatchOptions: Sendable {
    public var outputFolder: URL
    /// Worker threads; defaults to the number of cores.
    public var jobs: Int
    /// Rebuild even when inputs are unchanged.
    public var force: Bool
    public var quiet: Bool
    public var summaries: Bool
    public var collections: Bool
    /// The run covers the whole library: outputs of summaries no longer in it are deleted.
    public var pruneRemoved: Bool

    public init(outputFolder: URL, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, force: Bool = false,
                quiet: Bool = false, summaries: Bool = true, collections: Bool = true, pruneRemoved: Bool = false) {
        self.outputFolder = outputFolder
        self.jobs = max(1, jobs)
        self.force = force
        self.quiet = quiet
        self.summaries = summaries
        self.collections = collections
        self.pruneRemoved = pruneRemoved
    }
}

/// What a batch run did.
public struct BatchReport: Sendable {
    public var exported = 0
    public var skipped = 0
    public var failed = 0
    /// One message per failed job or invalid summary.
    public var failures: [String] = []
    /// Paths written or confirmed, relative to the output folder.
    public var outputs: [String] = []
    /// The run was interrupted: jobs not started are missing; the manifest records those that completed.
    public var interrupted = false
    /// Outputs deleted because no summary produces them any more, relative to the output folder.
    public var pruned: [String] = []
    /// Warnings about the run itself (not a failure).
    public var notes: [String] = []

    public var summaryLine: String { "\(exported) exported, \(skipped) skipped (unchanged), \(failed) failed" }
}
