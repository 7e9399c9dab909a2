import Foundation
import TrialModel

enum ExitCodeError: Error { case failed, usage }

/// Prints diagnostics and builds the errors that end a command.
enum Report {
    static func toStderr(_ diagnostics: [Diagnostic]) {
        toStderr(diagnostics.map(\.description))
    }

    /// Each line escaped: a file name or message holding a newline or ESC cannot forge or drive the output.
    static func toStderr(_ lines: [String]) {
        for line in lines { FileHandle.standardError.write(Data((PrintableText.escape(line, limit: 2000) + "\n").utf8)) }
    }

    static func fail(_ message: String) -> ExitCodeError {
        toStderr(message.split(separator: "\n").enumerated().map { $0.offset == 0 ? "error: " + $0.element : String($0.element) })
        return .failed
    }

    static func usage(_ message: String) -> ExitCodeError {
        toStderr(["error: " + message])
        return .usage
    }
}
