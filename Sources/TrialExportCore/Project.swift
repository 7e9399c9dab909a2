import ExportKit
import Foundation
import TrialModel

/// The pieces every command needs: settings, the library, the exporters.
public enum Project {
    public static let settingsFileName = "trialexport.yaml"

    /// Reads the settings file; a missing file means defaults, an unreadable one is an error.
    public static func loadSettings(at path: String) -> (Settings?, [Diagnostic]) {
        SettingsReader.load(path: path)
    }

    /// Instantiates the named exporters (all registered ones when `names` is empty), in registry order.
    public static func exporters(named names: [String], context: ExportContext) throws -> [any Exporter] {
        for n in names where ExporterRegistry.named(n) == nil {
            throw ExportError.configuration("unknown format '\(n)'; known formats: \(ExporterRegistry.names.joined(separator: ", "))")
        }
        let chosen = names.isEmpty ? ExporterRegistry.all : ExporterRegistry.all.filter { names.contains($0.info.name) }
        return try chosen.map { try $0.init(context: context) }
    }

    /// The folder holding layouts/ and fonts/: the current folder when it has them, else next to the executable's
    /// repository checkout, so `trialexport` works from any folder inside the project.
    public static func resourceRoot(start: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) -> URL {
        var dir = start.standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("layouts").path) { return dir }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { return start }
            dir = parent
        }
    }
}
