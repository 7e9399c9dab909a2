import Foundation

/// The files `trialexport init` writes: settings with every key explained, one fictional example summary,
/// a .gitignore for the outputs and a short README. Kept in the binary so `init` works without resources.
public enum Scaffold {
    /// Project-relative path → contents, in the order they are written.
    public static let files: [(path: String, contents: String)] = [
        (Project.settingsFileName, settings),
        ("summaries/example.yaml", example),
        (".gitignore", "# trialexport writes here; rebuild with `trialexport all`.\n/output/\n"),
        ("README.md", readme),
    ]

    /// Paths in `folder` that `write` would overwrite.
    public static func existing(in folder: URL) -> [String] {
        files.map(\.path).filter { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) }
    }

    /// Writes every file into `folder` (made if missing), overwriting what is there.
    public static func write(into folder: URL) throws {
        for (path, contents) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: url, options: .atomic)
        }
    }
}
