import ArgumentParser
import ExportKit
import Foundation
import TrialModel

/// Runs the command and maps errors to the documented exit codes: 0 success, 1 invalid input or a failed
/// export, 2 usage error.
/// The `trialexport` executable calls it; so does the tests' `trialexport-html`, after registering its format.
public enum EntryPoint {
    public static func main() {
        ResourceCompletion.fileNames = Completions.resourceFiles
        do {
            var command = try TrialExportCommand.parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            exit(code.rawValue)
        } catch ExitCodeError.failed {
            exit(ExitStatus.failed)
        } catch ExitCodeError.usage {
            exit(ExitStatus.usage)
        } catch {
            let code = TrialExportCommand.exitCode(for: error)
            // Usage errors quote the arguments: a control character in one must not reach the terminal raw.
            let message = TrialExportCommand.fullMessage(for: error).split(separator: "\n", omittingEmptySubsequences: false)
                .map { PrintableText.escape(String($0), limit: 2000) }.joined(separator: "\n")
            if code == .success {
                print(message)
                exit(0)
            }
            FileHandle.standardError.write(Data((message + "\n").utf8))
            exit(code == .validationFailure ? ExitStatus.usage : code.rawValue)
        }
    }
}

enum ExitStatus {
    static let ok: Int32 = 0
    static let failed: Int32 = 1
    static let usage: Int32 = 2
}
