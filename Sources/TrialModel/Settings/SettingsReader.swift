import Yams

/// Reads `trialexport.yaml`; a missing file means all defaults, a bad value is a located error.
public enum SettingsReader {
    static let topKeys = ["siteName", "publisher", "baseURL", "newsletter", "pdf", "lint"]
    static let newsletterKeys = ["from", "listAddress", "listId", "unsubscribeURL", "unsubscribeMailto", "subject"]
    static let pdfKeys = ["layouts"]

    public static func read(yaml: String, file: String) -> (Settings?, [Diagnostic]) {
        let log = DiagnosticLog(file: file)
        var s = Settings.defaults
        let root: Node?
        do { root = try Yams.compose(yaml: yaml) } catch {
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
            if let v = n.optional("from")?.text() { s.newsletter.from = v }
            if let v = n.optional("listAddress")?.text() { s.newsletter.listAddress = v }
            if let v = n.optional("listId")?.text() { s.newsletter.listID = v }
            if let node = n.optional("unsubscribeURL"), let v = node.text() {
                if v.lowercased().hasPrefix("https://"), InlineParser.isAbsoluteHTTP(v) { s.newsletter.unsubscribeURL = v }
                else { node.error("'\(v)' must be an absolute https URL (RFC 8058 one-click unsubscribe)") }
            }
            if let node = n.optional("unsubscribeMailto"), let v = node.text() {
                if v.hasPrefix("mailto:") { s.newsletter.unsubscribeMailto = v } else { node.error("'\(v)' must be a mailto: URL") }
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
