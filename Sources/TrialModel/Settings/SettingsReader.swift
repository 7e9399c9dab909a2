import Foundation
import Yams

/// Reads `trialexport.yaml`; a missing file means all defaults, a bad value is a located error.
public enum SettingsReader {
    static let topKeys = ["siteName", "publisher", "baseURL", "newsletter", "pdf", "lint"]
    static let newsletterKeys = ["from", "listAddress", "listId", "unsubscribeURL", "unsubscribeMailto", "subject"]
    static let pdfKeys = ["layouts"]

    /// Reads the settings file at `path`: no file there means all defaults; a file that cannot be read (a folder,
    /// no permission, too big, not UTF-8) is an error, never silently the defaults.
    public static func load(path: String) -> (Settings?, [Diagnostic]) {
        guard FileManager.default.fileExists(atPath: path) || SourceCheck.isSymlink(path) else { return (.defaults, []) }
        switch SourceCheck.read(path, library: nil) {
        case .failure(let refusal):
            return (nil, [Diagnostic(.error, file: path, line: 1, column: 1, field: "", message: refusal.message)])
        case .success(let source):
            switch SourceBytes.text(source.bytes, file: path) {
            case .success(let text): return read(yaml: text, file: path)
            case .failure(let d): return (nil, [d])
            }
        }
    }

    public static func read(yaml: String, file: String) -> (Settings?, [Diagnostic]) {
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
        guard let m = top.map(topKeys) else { return (nil, log.items) }
        if let v = m.optional("siteName")?.text() { s.siteName = v }
        if let v = m.optional("publisher")?.text() { s.publisher = v }
        if let node = m.optional("baseURL"), let v = node.text() {
            if InlineParser.isAbsoluteHTTP(v) { s.baseURL = v.hasSuffix("/") ? v : v + "/" }
            else { node.error("'\(v)' is not an absolute http(s) URL; summary page URLs are built from it") }
        }
        if let n = m.optional("newsletter")?.map(newsletterKeys) {
            if let node = n.optional("from"), let v = node.text() {
                if MailSyntax.mailbox(v) != nil { s.newsletter.from = v }
                else { node.error("'\(v)' is not one mail address like 'Name <user@example.org>'") }
            }
            if let node = n.optional("listAddress"), let v = node.text() {
                if MailSyntax.mailbox(v) != nil { s.newsletter.listAddress = v }
                else { node.error("'\(v)' is not one mail address like readers@lists.example.org") }
            }
            if let node = n.optional("listId"), let v = node.text() {
                if MailSyntax.isListID(v) { s.newsletter.listID = v }
                else { node.error("'\(v)' must be a dot-atom such as summaries.example.org (RFC 2919)") }
            }
            if let node = n.optional("unsubscribeURL"), let v = node.text() {
                if v.lowercased().hasPrefix("https://"), InlineParser.isAbsoluteHTTP(v), MailSyntax.isHeaderURI(v) { s.newsletter.unsubscribeURL = v }
                else { node.error("'\(v)' must be an absolute https URL (RFC 8058 one-click unsubscribe)") }
            }
            if let node = n.optional("unsubscribeMailto"), let v = node.text() {
                let address = v.dropFirst("mailto:".count).prefix { $0 != "?" }
                if v.hasPrefix("mailto:"), MailSyntax.isHeaderURI(v), MailSyntax.isAddrSpec(String(address)) {
                    s.newsletter.unsubscribeMailto = v
                } else {
                    node.error("'\(v)' must be a mailto: URL with one address and no spaces, commas or angle brackets (RFC 2369)")
                }
            }
            if let v = n.optional("subject")?.text() { s.newsletter.subject = v }
        }
        if let p = m.optional("pdf")?.map(pdfKeys), let layouts = p.optional("layouts") {
            if let names = layouts.list(nonEmpty: true)?.compactMap({ $0.slug() }) { s.pdfLayouts = names }
        }
        if let l = m.optional("lint") { readLint(l, into: &s.lint) }
        return (log.hasErrors ? nil : s, log.items)
    }
}
