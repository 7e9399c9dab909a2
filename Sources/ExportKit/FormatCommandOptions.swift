import ArgumentParser
import Foundation

/// A format's own command-line options, declared next to its exporter and shown on its command
/// (`trialexport digest --since …`). The CLI builds each format's command from the registry: the shared
/// arguments, then these.
public protocol FormatCommandOptions: ParsableArguments {
    /// Puts what was given into the run's options. `resourceRoot` finds the project's resources, for options that
    /// name one (a layout); an unknown name is `ExportError.usage`.
    func apply(to options: inout ExportOptions, resourceRoot: () -> URL) throws
}

/// For formats with no options of their own.
public struct NoCommandOptions: FormatCommandOptions {
    public init() {}
    public func apply(to options: inout ExportOptions, resourceRoot: () -> URL) throws {}
}

/// Shell completion of resource names (layout names) from every folder a run would search. The CLI sets
/// `fileNames` at start-up, since only it knows the search order (`--resources`, `$TRIALEXPORT_RESOURCES`, the
/// project, the installation).
public enum ResourceCompletion {
    /// The file names in the `kind` folders that a run given these words would use.
    nonisolated(unsafe) public static var fileNames: @Sendable (_ words: [String], _ kind: String) -> [String] = { _, _ in [] }

    /// Completes the names of `kind/*suffix` files, without the suffix.
    public static func names(_ kind: String, suffix: String) -> CompletionKind {
        .custom { words, _, prefix in
            fileNames(words, kind).filter { $0.hasSuffix(suffix) }.map { String($0.dropLast(suffix.count)) }
                .filter { $0.hasPrefix(prefix) }
        }
    }
}
