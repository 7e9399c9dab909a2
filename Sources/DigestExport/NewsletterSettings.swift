import TrialModel

/// The digest's section of `trialexport.yaml`, `newsletter:`: who sends the message, to which list, and how
/// readers unsubscribe. Checked with locations when the settings are read (so `validate` reports it), and again
/// by the exporter before anything reaches a header.
public struct NewsletterSettings: SettingsSection, Codable {
    /// `From` header, e.g. `Clear Trials <newsletter@cleartrials.example.org>`.
    public var from: String
    /// The list address, used as `To`.
    public var listAddress: String
    /// RFC 2919 list id, e.g. `summaries.cleartrials.example.org`.
    public var listID: String
    public var unsubscribeURL: String
    public var unsubscribeMailto: String
    public var subject: String

    public static let key = "newsletter"
    static let keys = ["from", "listAddress", "listId", "unsubscribeURL", "unsubscribeMailto", "subject"]

    public static let defaults = NewsletterSettings(
        from: "Clear Trials <newsletter@cleartrials.example.org>",
        listAddress: "readers@lists.cleartrials.example.org",
        listID: "summaries.cleartrials.example.org",
        unsubscribeURL: "https://cleartrials.example.org/newsletter/unsubscribe",
        unsubscribeMailto: "mailto:unsubscribe@lists.cleartrials.example.org?subject=unsubscribe",
        subject: "New trial summaries")

    public static func read(_ value: YAMLValue) -> NewsletterSettings {
        var s = defaults
        guard let n = value.map(keys) else { return s }
        if let node = n.optional("from"), let v = node.text() {
            if MailSyntax.mailbox(v) != nil { s.from = v }
            else { node.error("'\(v)' is not one mail address like 'Name <user@example.org>'") }
        }
        if let node = n.optional("listAddress"), let v = node.text() {
            if MailSyntax.mailbox(v) != nil { s.listAddress = v }
            else { node.error("'\(v)' is not one mail address like readers@lists.example.org") }
        }
        if let node = n.optional("listId"), let v = node.text() {
            if MailSyntax.isListID(v) { s.listID = v }
            else { node.error("'\(v)' must be a dot-atom such as summaries.example.org (RFC 2919)") }
        }
        if let node = n.optional("unsubscribeURL"), let v = node.text() {
            if v.lowercased().hasPrefix("https://"), InlineParser.isAbsoluteHTTP(v), MailSyntax.isHeaderURI(v) { s.unsubscribeURL = v }
            else { node.error("'\(v)' must be an absolute https URL (RFC 8058 one-click unsubscribe)") }
        }
        if let node = n.optional("unsubscribeMailto"), let v = node.text() {
            let address = v.dropFirst("mailto:".count).prefix { $0 != "?" }
            if v.hasPrefix("mailto:"), MailSyntax.isHeaderURI(v), MailSyntax.isAddrSpec(String(address)) {
                s.unsubscribeMailto = v
            } else {
                node.error("'\(v)' must be a mailto: URL with one address and no spaces, commas or angle brackets (RFC 2369)")
            }
        }
        if let v = n.optional("subject")?.text() { s.subject = v }
        return s
    }

    public static var jsonSchema: [String: any Sendable] {
        func text(_ description: String) -> [String: any Sendable] { ["type": "string", "minLength": 1, "description": description] }
        return ["type": "object", "additionalProperties": false,
                "description": "The newsletter message `trialexport digest` writes (digest/digest.eml).",
                "properties": [
                    "from": text("From header: one mailbox, e.g. 'Clear Trials <newsletter@example.org>'."),
                    "listAddress": text("The list address, used as To."),
                    "listId": text("RFC 2919 list id, a dot-atom such as summaries.example.org."),
                    "unsubscribeURL": ["type": "string", "pattern": "^https://", "description": "RFC 8058 one-click unsubscribe URL."] as [String: any Sendable],
                    "unsubscribeMailto": ["type": "string", "pattern": "^mailto:", "description": "RFC 2369 mailto: unsubscribe URL."] as [String: any Sendable],
                    "subject": text("The newsletter's name in the subject line (the site name when blank)."),
                ] as [String: any Sendable]]
    }

    enum CodingKeys: String, CodingKey { case from, listAddress, listID, unsubscribeURL, unsubscribeMailto, subject }
}
