import ExportKit
import Foundation

/// The layouts in a `layouts/` folder, for `trialexport layouts` and for resolving `--layout NAME`.
public enum PDFLayouts {
    /// Every layout file's name and one-line summary, sorted by name. Fails on the first invalid file.
    public static func list(layoutsFolder: URL) throws -> [(name: String, summary: String)] {
        try names(in: layoutsFolder).map { name in
            let l = try load(name, layoutsFolder: layoutsFolder)
            return (name, "\(l.title): \(l.description)")
        }
    }

    /// Every problem of every layout file, one line each (`layouts/x.yaml:3:1: error: …`); empty when all are valid.
    public static func problems(layoutsFolder: URL) -> [String] {
        do {
            return try names(in: layoutsFolder).flatMap { name -> [String] in
                do { _ = try load(name, layoutsFolder: layoutsFolder); return [] } catch {
                    return "\(error)".split(separator: "\n").map(String.init)
                }
            }
        } catch { return ["\(error)"] }
    }

    /// Layout names (file names without `.yaml`), sorted.
    public static func names(in layoutsFolder: URL) throws -> [String] {
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: layoutsFolder.path) else {
            throw ExportError.configuration("\(layoutsFolder.path): error: the layouts folder is missing")
        }
        return files.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// Reads one layout by name; an unknown name fails with the names that exist.
    public static func load(_ name: String, layoutsFolder: URL) throws -> PageLayout {
        let available = try names(in: layoutsFolder)
        guard available.contains(name) else {
            throw ExportError.configuration("unknown PDF layout '\(name)'; available layouts: \(available.joined(separator: ", "))")
        }
        return try LayoutReader.read(file(name, layoutsFolder: layoutsFolder))
    }

    static func file(_ name: String, layoutsFolder: URL) -> URL {
        layoutsFolder.appendingPathComponent(name + ".yaml")
    }
}
