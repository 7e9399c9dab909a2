import Foundation
import TrialModel

/// Characters the PDF fonts cannot draw, as located warnings; a font folder that cannot be loaded is a problem.
enum GlyphWarnings {
    static func check(_ summaries: [LoadedSummary], fontsFolder: URL) -> FormatCheckLines {
        guard !summaries.isEmpty else { return ([], []) }
        do {
            let coverage = try GlyphCoverage(fontsFolder: fontsFolder)
            return (summaries.flatMap(coverage.warnings(for:)), [])
        } catch {
            return ([], ["\(error)"])
        }
    }
}

typealias FormatCheckLines = (diagnostics: [Diagnostic], problems: [String])
