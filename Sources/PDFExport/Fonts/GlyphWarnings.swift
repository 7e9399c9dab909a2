import Foundation
import TrialModel

/// Characters the PDF fonts cannot draw, as located warnings; a font folder that cannot be loaded is a problem.
enum GlyphWarnings {
    static func check(_ summaries: [LoadedSummary], fontsFolder: URL) -> FormatCheckLines {
        guard !summaries.isEmpty else { return ([], []) }
        // Each summary's non-ASCII characters (a walk of its model, kept for its handouts) worked out on every
        // core first: the walk is most of the check, which runs before the export starts, on one core.
        WorkerThreads.forEach(summaries.count) { _ = summaries[$0].nonASCIIScalars }
        do {
            let coverage = try GlyphCoverage(fontsFolder: fontsFolder)
            return (summaries.flatMap(coverage.warnings(for:)), [])
        } catch {
            return ([], ["\(error)"])
        }
    }
}

typealias FormatCheckLines = (diagnostics: [Diagnostic], problems: [String])
