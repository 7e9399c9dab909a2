import Foundation
import TrialModel

/// What a format has to say about a library before exporting it (characters its fonts cannot draw, a brief
/// handout over length), for `validate` and the export commands. The CLI asks every format through
/// `Exporter.check`, never a format's own types.
public struct FormatCheck: Sendable {
    /// Located warnings (and errors) about summaries.
    public var diagnostics: [Diagnostic] = []
    /// Problems with the format's resources (a broken layout file, an unloadable font folder), one line each.
    public var problems: [String] = []

    public init(diagnostics: [Diagnostic] = [], problems: [String] = []) {
        self.diagnostics = diagnostics
        self.problems = problems
    }

    /// `export`: what an export run prints before its jobs (cheap; a resource problem fails the jobs themselves).
    /// `validate`: everything `trialexport validate` reports, including checks that render.
    public enum Depth: Sendable { case export, validate }
}

/// Files of a format's own in the resources folder that `trialexport layouts` lists.
public struct FormatResources: Sendable {
    /// Sub-folder of the resources folder: `layouts`.
    public var folder: String
    /// Every file's name and one-line summary, sorted by name; fails on the first invalid file.
    public var list: @Sendable (_ folder: URL) throws -> [(name: String, summary: String)]

    public init(folder: String, list: @escaping @Sendable (_ folder: URL) throws -> [(name: String, summary: String)]) {
        self.folder = folder
        self.list = list
    }
}
