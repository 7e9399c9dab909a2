import Foundation
import Yams

/// Reads `trialexport.yaml`; a missing file means all defaults, a bad value is a located error. `sections` are the
/// format sections the file may hold (the registered formats'); any other key is an unknown key.
public enum SettingsReader {
    /// The site-wide keys; each format section adds its own.
    static let topKeys = ["siteName", "publisher", "baseURL", "lint"]

    /// Reads the settings file at `path`: no file there means all defaults; a file that cannot be read (a folder,
    /// no permission, too big, not UTF-8) is an error, never silently the defaults.
    public static func load(path: String, sections: [any SettingsSection.Type] = []) -> (Settings?, [Diagnostic]) {
        guard FileManager.default.fileExists(atPath: path) || SourceCheck.isSymlink(path) else { return (.defaults, []) }
        switch SourceCheck.read(path, library: nil) {
        case .failure(let refusal):
            return (nil, [Diagnostic(.error, file: path, line: 1, column: 1, field: "", message: refusal.message)])
        case .success(let source):
            switch SourceBytes.text(source.bytes, file: path) {
            case .success(let text): return read(yaml: text, file: path, sections: sections)
            case .failure(let d): return (nil, [d])
            }
        }
    }

    public static func read(yaml: String, file: String, sections: [any SettingsSection.Type] = []) -> (Settings?, [Diagnostic]) {
        let log = DiagnosticLog(file: file)
        var s = Settings.defaults
        let root: Node?
        if let d = SourceBytes.disallowed(in: yaml, file: file) { return (nil, [d]) }
        do { root = try Yams.compose(yaml: yaml, .basic) } catch let e as YamlError {
            let (line, column, message) = SummaryReader.describe(e)
            log.add(.error, line: line, column: column, field: "", "YAML syntax: \(message)")
            return (nil, log.items)
        } catch {
            log.add(.error, line: 1, column: 1, field: "", "YAML syntax: \(error)")
            return (nil, log.items)
        }
        guard let root else { return (s, []) }
        let top = YAMLValue(node: root, path: "", log: log)
        guard let m = top.map(topKeys + sections.map { $0.key }) else { return (nil, log.items) }
        if let v = m.optional("siteName")?.text() { s.siteName = v }
        if let v = m.optional("publisher")?.text() { s.publisher = v }
        if let node = m.optional("baseURL"), let v = node.text() {
            if InlineParser.isAbsoluteHTTP(v) { s.baseURL = v.hasSuffix("/") ? v : v + "/" }
            else { node.error("'\(v)' is not an absolute http(s) URL; summary page URLs are built from it") }
        }
        for section in sections {
            if let v = m.optional(section.key) { s.set(section: section.read(v), key: section.key) }
        }
        if let l = m.optional("lint") { readLint(l, into: &s.lint) }
        return (log.hasErrors ? nil : s, log.items)
    }
}
