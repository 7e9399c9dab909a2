/// A located problem in a source file: `file:line:col: error: field: message`.
public struct Diagnostic: Sendable, Equatable, Error, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var severity: Severity
    public var file: String
    public var line: Int
    public var column: Int
    /// Path of the field in the source, e.g. `outcomes[0].values.palbo`; empty for file-level problems.
    public var field: String
    public var message: String

    public init(_ severity: Severity, file: String, line: Int, column: Int, field: String, message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.message = message
    }

    public var description: String {
        "\(file):\(line):\(column): \(severity.rawValue): " + (field.isEmpty ? "" : "\(field): ") + message
    }
}

/// Collects diagnostics while a file is read, so one run reports every problem at once.
public final class DiagnosticLog: @unchecked Sendable {
    public private(set) var items: [Diagnostic] = []
    public let file: String

    public init(file: String) { self.file = file }

    public var hasErrors: Bool { items.contains { $0.severity == .error } }

    /// Field paths written as `{draft: …}`, with the draft's note ("" when none): see `DraftMarker`.
    public private(set) var drafts: [String: String] = [:]

    func markDraft(_ field: String, note: String) { drafts[field] = note }

    public func add(_ severity: Severity, line: Int, column: Int, field: String, _ message: String) {
        items.append(Diagnostic(severity, file: file, line: line, column: column, field: field, message: message))
    }

    public typealias Severity = Diagnostic.Severity
}
