import ExportKit
import Foundation
import TrialModel

extension PDFExporter {
    /// Export runs warn of characters the fonts cannot draw. `validate` also checks every layout file and the
    /// font folder (when the resources have them: outside a project only the summaries are checked), and renders
    /// each brief handout to warn when it runs past one sheet.
    public static func check(_ summaries: [LoadedSummary], resourceRoot: URL, settings: Settings?,
                             depth: FormatCheck.Depth) -> FormatCheck {
        let layouts = resourceRoot.appendingPathComponent("layouts"), fonts = resourceRoot.appendingPathComponent("fonts")
        guard depth == .validate else {
            return FormatCheck(diagnostics: GlyphWarnings.check(summaries, fontsFolder: fonts).diagnostics)
        }
        let fm = FileManager.default
        let layoutProblems = fm.fileExists(atPath: layouts.path) ? PDFLayouts.problems(layoutsFolder: layouts) : []
        let glyphs: FormatCheckLines = fm.fileExists(atPath: fonts.path) ? GlyphWarnings.check(summaries, fontsFolder: fonts) : ([], [])
        var check = FormatCheck(diagnostics: glyphs.diagnostics, problems: layoutProblems + glyphs.problems)
        // A brief that runs past one sheet is worth a warning, not an error: it still prints.
        if let settings, let brief = try? BriefCheck(context: ExportContext(settings: settings, resourceRoot: resourceRoot, toolVersion: "")) {
            check.diagnostics += brief.warnings(summaries)
        }
        return check
    }
}
