import Foundation
import Crypto
import ExportKit
import TrialModel

/// The plain-text email digest: `digest/<id>.txt` per summary (complete, wrapped at 72 columns) and
/// `digest/digest.eml`, one newsletter message of the selected summaries, ready to hand to a mail server.
public struct DigestExporter: Exporter {
    public static let info = FormatInfo(name: "digest", title: "Plain-text email digest", mediaType: "text/plain",
                                        hasCollection: true,
                                        abstract: "Export plain-text digests and one newsletter message (digest.eml).")
    public typealias CommandOptions = DigestCommandOptions
    public static var settingsSection: (any SettingsSection.Type)? { NewsletterSettings.self }

    /// Hour of the `Date` header on the digest's day (UTC): fixed, so reruns give the same bytes.
    static let sendHour = 8

    let context: ExportContext
    let newsletter: NewsletterSettings
    let options: DigestOptions
    let from: MailAddress
    let to: MailAddress

    public init(context: ExportContext) throws {
        self.context = context
        newsletter = context.settings[section: NewsletterSettings.self]
        options = context.options[DigestOptions.self] ?? DigestOptions()
        let n = newsletter
        func check(_ ok: Bool, _ field: String, _ why: String) throws {
            if !ok { throw ExportError.configuration("settings newsletter.\(field): \(why)") }
        }
        do { from = try MailAddress(n.from) } catch let e as MailAddress.Invalid {
            throw ExportError.configuration("settings newsletter.from: \(e.message)")
        }
        do { to = try MailAddress(n.listAddress) } catch let e as MailAddress.Invalid {
            throw ExportError.configuration("settings newsletter.listAddress: \(e.message)")
        }
        try check(MailAddress.isAddrSpec("list@" + n.listID), "listId", "'\(n.listID)' must be a dot-atom such as summaries.example.org (RFC 2919)")
        try check(n.unsubscribeURL.hasPrefix("https://") && Self.isHeaderURI(n.unsubscribeURL), "unsubscribeURL",
                  "'\(n.unsubscribeURL)' must be an https URL without spaces, commas or angle brackets (RFC 2369, RFC 8058)")
        try check(n.unsubscribeMailto.hasPrefix("mailto:") && Self.isHeaderURI(n.unsubscribeMailto), "unsubscribeMailto",
                  "'\(n.unsubscribeMailto)' must be a mailto: URL without spaces, commas or angle brackets (RFC 2369)")
    }

    /// Printable ASCII that can sit in `<…>` in List-Unsubscribe.
    static func isHeaderURI(_ s: String) -> Bool { MailSyntax.isHeaderURI(s) }

    /// A summary's text shows the site; the message also reads the newsletter settings and the selection options.
    public func configurationFingerprint(collection: Bool) -> [UInt8] {
        let s = context.settings, o = options
        guard collection else { return ConfigurationFingerprint.site(s) }
        return ConfigurationFingerprint.site(s) + ConfigurationFingerprint.of(newsletter, o.since, o.categories, o.date)
    }

    public func render(_ item: LoadedSummary, variant: String, worker: WorkerCache) throws -> [OutputFile] {
        let text = PlainTextRenderer(settings: context.settings).text(item)
        return [OutputFile(path: Self.info.outputPath("\(item.id).txt"), data: Data(text.utf8))]
    }

    /// The digest message of the selection; no file for an empty library (nothing to send). A filter that
    /// matches nothing is an error, so the editor learns that no message was written.
    public func renderCollection(_ library: [LoadedSummary], worker: WorkerCache) throws -> [OutputFile] {
        let chosen = selection(library)
        guard !chosen.isEmpty else {
            let o = options
            if !library.isEmpty && (o.since != nil || !o.categories.isEmpty) {
                let filters = (o.since.map { ["--since \($0)"] } ?? []) + o.categories.map { "--category \"\($0.rawValue)\"" }
                throw ExportError.configuration("no summary matches \(filters.joined(separator: " ")); digest.eml was not written")
            }
            return []
        }
        return [OutputFile(path: Self.info.outputPath("digest.eml"), data: Data(try digest(chosen).message))]
    }

    /// Summaries reviewed on or after `options.since`, in `options.categories` (all when empty), in the
    /// site's category order, newest review first, then by id: the same library always gives the same order.
    public func selection(_ library: [LoadedSummary]) -> [LoadedSummary] {
        let o = options
        return library
            .filter { o.since == nil || $0.summary.reviewed >= o.since! }
            .filter { o.categories.isEmpty || o.categories.contains($0.summary.category) }
            .sorted { a, b in
                let (x, y) = (a.summary, b.summary)
                if x.category != y.category { return x.category < y.category }
                if x.reviewed != y.reviewed { return x.reviewed > y.reviewed }
                return x.id < y.id
            }
    }

    /// A built digest: the text it carries (one line per paragraph, what the decoded and unflowed body
    /// equals), its subject and the message bytes.
    public struct Digest: Sendable {
        public var canonicalText: String
        public var subject: String
        public var messageID: String
        public var message: [UInt8]
    }

    /// Builds the message for exactly these summaries, in this order.
    public func digest(_ items: [LoadedSummary]) throws -> Digest {
        let s = context.settings
        let n = newsletter
        let day = options.date ?? items.map(\.summary.reviewed).max() ?? Day(year: 2000, month: 1, day: 1)!
        let lines = DigestComposer(settings: s).document(items, date: day).canonicalLines
        let canonical = lines.joined(separator: "\n")

        let words = DigestComposer.words(items)
        let about = items.count == 1 ? items[0].summary.title : words.plural(.subjectCount, items.count)
        // Non-ASCII subjects (any language but English, or a title with "é") go out as RFC 2047 encoded words.
        let subject = HeaderText.sanitize(words.text(.labelValue, "\(DigestComposer.newsletterName(s)), \(day.text(in: words))", about))
        // Stable: the same content, subject and list always give the same id; any change gives a new one.
        let digest = SHA256.hash(data: Array([canonical, subject, n.listID, DayText.rfc5322(day)].joined(separator: "\n").utf8))
        let hash = digest.map { String(format: "%02x", $0) }.joined()
        let messageID = "<digest.\(hash.prefix(32))@\(from.domain)>"

        var w = MessageWriter()
        w.add("From", from.headerPieces)
        w.add("To", to.headerPieces)
        w.add("Subject", [.text(subject)])
        w.add("Date", DayText.rfc5322(day, hour: Self.sendHour).split(separator: " ").map { .token(String($0)) })
        w.add("Message-ID", token: messageID)
        for (name, value) in MessageWriter.mimeFields { w.add(name, value) }
        // RFC 3282: the languages of the body, in order of first appearance.
        var languages: [String] = []
        for item in items where !languages.contains(item.summary.language) { languages.append(item.summary.language) }
        w.add("Content-Language", languages.enumerated().map { i, l in .token(l + (i < languages.count - 1 ? "," : "")) })
        w.add("List-Id", [.phrase("\(s.siteName) summaries"), .token("<\(n.listID)>")])
        w.add("List-Unsubscribe", [.token("<\(n.unsubscribeURL)>,"), .token("<\(n.unsubscribeMailto)>")])
        w.add("List-Unsubscribe-Post", token: "List-Unsubscribe=One-Click")
        do {
            return Digest(canonicalText: canonical, subject: subject, messageID: messageID, message: try w.message(body: lines))
        } catch let e as HeaderFolding.FoldError {
            throw ExportError.render(summaryID: "digest", format: Self.info.name, message: "header cannot be folded: \(e)")
        }
    }
}
