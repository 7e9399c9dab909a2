import Foundation
import TrialModel

/// Everything an exporter is configured with: settings, where project resources live, and run options.
public struct ExportContext: Sendable {
    public var settings: Settings
    /// Folder holding `layouts/` and `fonts/`.
    public var resourceRoot: URL
    public var options: ExportOptions
    /// `trialexport` version, for metadata such as PDF Creator.
    public var toolVersion: String

    public init(settings: Settings, resourceRoot: URL, options: ExportOptions = ExportOptions(), toolVersion: String) {
        self.settings = settings
        self.resourceRoot = resourceRoot
        self.options = options
        self.toolVersion = toolVersion
    }

    public var layoutsFolder: URL { resourceRoot.appendingPathComponent("layouts") }
    public var fontsFolder: URL { resourceRoot.appendingPathComponent("fonts") }
}

/// One options record for every exporter; each reads what concerns it and ignores the rest.
public struct ExportOptions: Sendable, Equatable {
    /// PDF layouts to render instead of the settings' list.
    public var layouts: [String]?
    /// Digest selection: only summaries reviewed on or after this day.
    public var since: Day?
    /// Digest selection: only these categories (empty = all).
    public var categories: [Category]
    /// Digest `Date` header instead of the newest review date.
    public var date: Day?

    public init(layouts: [String]? = nil, since: Day? = nil, categories: [Category] = [], date: Day? = nil) {
        self.layouts = layouts
        self.since = since
        self.categories = categories
        self.date = date
    }
}
