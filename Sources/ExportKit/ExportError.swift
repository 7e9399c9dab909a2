import Foundation

/// Why an export failed. The CLI maps these to exit codes.
public enum ExportError: Error, CustomStringConvertible, Sendable {
    /// Bad settings or project resources: a located message (`file:line:col: error: …`) or a plain one.
    case configuration(String)
    /// Rendering one summary failed.
    case render(summaryID: String, format: String, message: String)

    public var description: String {
        switch self {
        case .configuration(let m): m
        case .render(let id, let f, let m): "\(f) export of '\(id)' failed: \(m)"
        }
    }
}
