import Foundation
import TrialModel

/// A registry mapping the cross-check could not decide: listed for an editor, never guessed, never an error.
public struct RegistryNote: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var field: String
    public var message: String
    public var description: String { "\(file):\(line):\(column): note: " + (field.isEmpty ? "" : "\(field): ") + "cannot decide: \(message)" }
}

public struct CrossCheckReport: Sendable {
    /// Disagreements between a summary and its registry record, located in the summary.
    public var diagnostics: [Diagnostic] = []
    public var undecided: [RegistryNote] = []
    /// Summaries that had a record in the folder.
    public var checked = 0
}

/// Compares summaries with the ClinicalTrials.gov records in a folder (`<NCT id>.json`), matched by registry id.
public enum RegistryCrossCheck {
    public static func check(_ summaries: [LoadedSummary], registry folder: String) -> CrossCheckReport {
        var report = CrossCheckReport()
        for s in summaries {
            let c = RecordComparison(summary: s.summary, file: s.sourcePath, positions: s.fieldPositions)
            guard let nct = s.summary.trial.registryIDs.first(where: { $0.registry == .clinicalTrialsGov }) else {
                c.note("trial.registryIds", "no ClinicalTrials.gov id, so no record to compare with")
                report.undecided += c.notes
                continue
            }
            let path = (folder as NSString).appendingPathComponent("\(nct.value).json")
            guard FileManager.default.fileExists(atPath: path) else {
                c.note("trial.registryIds", "no record \(nct.value).json in \(folder)")
                report.undecided += c.notes
                continue
            }
            do {
                let study = try RecordReader.read(file: path)
                c.compare(with: study)
                report.checked += 1
            } catch let e as RecordError {
                c.report(.error, "trial.registryIds", "the registry record cannot be read: \(e.description)")
            } catch {
                c.report(.error, "trial.registryIds", "the registry record cannot be read: \(error)")
            }
            report.diagnostics += c.diagnostics
            report.undecided += c.notes
        }
        return report
    }
}
