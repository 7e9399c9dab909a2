import Foundation
import PDFExport
import TrialModel

/// Characters the PDF fonts cannot draw, as located warnings; a font folder that cannot be loaded is a problem.
enum GlyphWarnings {
    static func check(_ summaries: [LoadedSummary], fontsFolder: URL) -> (diagnostics: [Diagnostic], problems: [String]) {
        guard !summaries.isEmpty else { return ([], []) }
        do {
            let coverage = try GlyphCoverage(fontsFolder: fontsFolder)
            return (summaries.flatMap(coverage.warnings(for:)), [])
        } catch {
            return ([], ["\(error)"])
        }
    }
}
