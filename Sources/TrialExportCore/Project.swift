import ExportKit
import Foundation
import TrialModel

/// The pieces every command needs: settings, the library, the exporters.
public enum Project {
    public static let settingsFileName = "trialexport.yaml"
    public static let resourcesVariable = "TRIALEXPORT_RESOURCES"

    /// Reads the settings file with the registered formats' sections; a missing file means defaults, an
    /// unreadable one is an error.
    public static func loadSettings(at path: String) -> (Settings?, [Diagnostic]) {
        SettingsReader.load(path: path, sections: ExporterRegistry.settingsSections)
    }

    /// Instantiates the named exporters (all registered ones when `names` is empty), in registry order.
    public static func exporters(named names: [String], context: ExportContext) throws -> [any Exporter] {
        for n in names where ExporterRegistry.named(n) == nil {
            throw ExportError.configuration("unknown format '\(n)'; known formats: \(ExporterRegistry.names.joined(separator: ", "))")
        }
        let chosen = names.isEmpty ? ExporterRegistry.all : ExporterRegistry.all.filter { names.contains($0.info.name) }
        return try chosen.map { try $0.init(context: context) }
    }

    /// The project folder: the nearest folder, from `start` upward, that holds `trialexport.yaml` or `layouts/`.
    /// Nil outside any project.
    public static func root(from start: URL = currentDirectory) -> URL? {
        let fm = FileManager.default
        var dir = start.standardizedFileURL
        while true {
            if fm.fileExists(atPath: dir.appendingPathComponent(settingsFileName).path) || isDirectory(dir.appendingPathComponent("layouts")) {
                return dir
            }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { return nil }
            dir = parent
        }
    }

    /// `name` (summaries, output, trialexport.yaml) inside the project folder; relative to the working directory
    /// when that is the project folder or there is none, so messages keep short paths.
    public static func defaultPath(_ name: String, from start: URL = currentDirectory) -> String {
        guard let root = root(from: start), root.path != start.standardizedFileURL.path else { return name }
        return root.appendingPathComponent(name).path
    }

    /// The installed resources next to the executable: `<prefix>/bin/trialexport` → `<prefix>/share/trialexport`.
    public static var installedResources: URL {
        executable.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("share/trialexport")
    }

    /// This program's file, symbolic links resolved (a `bin/trialexport` link into a package folder counts as the
    /// package's binary).
    public static var executable: URL {
        let proc = URL(fileURLWithPath: "/proc/self/exe")
        let exe = FileManager.default.fileExists(atPath: proc.path) ? proc : (Bundle.main.executableURL ?? proc)
        return exe.resolvingSymlinksInPath()
    }

    /// Resources for callers without a `--resources` option: the resolved folder, else the working directory.
    public static func resourceRoot() -> URL {
        (try? ResourceSearch(explicit: nil).resolve()) ?? currentDirectory
    }

    public static var currentDirectory: URL { URL(fileURLWithPath: FileManager.default.currentDirectoryPath) }

    static func isDirectory(_ url: URL) -> Bool {
        var dir: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &dir) && dir.boolValue
    }
}
