import Foundation

/// Why an export failed. The CLI maps these to exit codes.
public enum ExportError: Error, CustomStringConvertible, Sendable {
    /// Bad settings or project resources: a located message (`file:line:col: error: …`) or a plain one.
    case configuration(String)
    /// A command-line value the format cannot use (an unknown `--layout`): a usage error, exit 2.
    case usage(String)
    /// Rendering one summary failed.
    case render(summaryID: String, format: String, message: String)

    public var description: String {
        switch self {
        case .configuration(let m), .usage(let m): m
        case .render(let id, let f, let m): "\(f) export of '\(id)' failed: \(m)"
        }
    }
}
