import ExportKit
import Foundation
import Testing
import TestSupport
import TrialModel
@testable import DigestExport

/// Titles and settings that try to break out of a header or the body layout.
@Suite struct HostileInputTests {
    static let titles: [String] = [
        "Trial X\r\nBcc: victim@example.com",
        "Trial Y\nBcc: victim@example.com\n\nInjected body",
        "Trial Z\rSubject: second subject",
        "NUL\u{0}and NEL\u{85}and LS\u{2028}and PS\u{2029}Bcc: a@b.c",
        String(repeating: "Very long title word ", count: 95) + "end",          // 2,000 characters
        String(repeating: "x", count: 2_000),                                     // one 2,000-character word
        "Emoji 💊🧬👩🏽‍⚕️👨‍👩‍👧‍👦 and flags 🇪🇺🇯🇵 in a title",
        "عنوان تجربة سريرية عن سرطان الثدي وعلاج بالبالبوسيكليب",              // Arabic, RTL
        "ניסוי קליני: פלבוציקליב\u{202E}txet desrever",                         // Hebrew + RLO
        "=?utf-8?B?SGk=?= looks encoded, with ? and _ and = signs",
        "Zalgo Z̷̡̢̛̛̛̛̛̛̛̛̛̛̛̛̛̛̛̛̛̛̛̛̛̛̛̛̛̛̛̛̛̛̛̛̛ done",
        "From the start > quoted -- \r\n-- \r\nsig",
    ]

    @Test(arguments: titles.indices)
    func hostileTitleMakesAValidMessage(index: Int) throws {
        let title = Self.titles[index]
        let item = try Fixture.variant(id: "hostile-\(index)", title: title)
        let d = try Fixture.exporter().digest([item])
        let expectedSubject = HeaderText.sanitize("New trial summaries, 1 June 2026: " + title)
        let out = try Fixture.pythonCheck(d, subject: expectedSubject)
        #expect(out.hasSuffix("ok\n"))
        // The header block has exactly the twelve fields (Content-Language since issue 19), whatever the title.
        let raw = String(decoding: d.message, as: UTF8.self)
        let head = raw.components(separatedBy: "\r\n\r\n")[0]
        let names = head.components(separatedBy: "\r\n").filter { !$0.hasPrefix(" ") }.map { $0.prefix { $0 != ":" } }
        #expect(names.count == 12)
        #expect(!head.lowercased().contains("\r\nbcc:"))
        // The per-summary text keeps the title on its own lines, never a header-like line start.
        let text = PlainTextRenderer(settings: .defaults).text(item)
        #expect(!text.contains("\nBcc:") && !text.contains("\nSubject:"))
        for line in text.split(separator: "\n") {
            #expect(TextWidth.of(line) <= 72 || TextWrap.isURL(line.split(separator: " ").last ?? ""), "\(line)")
        }
    }

    @Test func hostileSettingsAreRejectedOrNeutralised() throws {
        var s = Settings.defaults
        s[section: NewsletterSettings.self].from = "Clear Trials <news@example.org>\r\nBcc: victim@example.com"
        #expect(throws: ExportError.self) { try Fixture.exporter(settings: s) }
        s = .defaults
        s[section: NewsletterSettings.self].listAddress = "readers@example.org\nBcc: x@y.z"
        #expect(throws: ExportError.self) { try Fixture.exporter(settings: s) }
        s = .defaults
        s[section: NewsletterSettings.self].unsubscribeURL = "https://example.org/u>, <https://evil.example"
        #expect(throws: ExportError.self) { try Fixture.exporter(settings: s) }
        s = .defaults
        s[section: NewsletterSettings.self].subject = "News\r\nBcc: victim@example.com"
        s.siteName = "Clear\u{2028}Trials\r\nX-Evil: 1"
        s[section: NewsletterSettings.self].from = "Clinique Étoile \u{1F48A} <news@example.org>"
        let d = try Fixture.exporter(settings: s).digest([try TestSupport.patina()])
        try Fixture.pythonCheck(d)
    }
}

/// The Python check must catch what it is there to catch, or its passes mean nothing.
@Suite struct PythonCheckSelfTests {
    @Test(arguments: ["bare LF", "Bcc", "long line", "8-bit", "second Subject", "canonical"])
    func rejectsBrokenMessages(breakage: String) throws {
        let d = try Fixture.exporter().digest([try TestSupport.patina()])
        var raw = String(decoding: d.message, as: UTF8.self)
        var canonical = d.canonicalText
        switch breakage {
        case "bare LF": raw = raw.replacingOccurrences(of: "MIME-Version: 1.0\r\n", with: "MIME-Version: 1.0\n")
        case "Bcc": raw = raw.replacingOccurrences(of: "\r\nDate:", with: "\r\nBcc: victim@example.com\r\nDate:")
        case "long line": raw = raw.replacingOccurrences(of: "\r\n\r\n", with: "\r\n\r\n" + String(repeating: "x", count: 79) + "\r\n")
        case "8-bit": raw = raw.replacingOccurrences(of: "Key facts", with: "Key facts ±")
        case "second Subject": raw = raw.replacingOccurrences(of: "\r\nDate:", with: "\r\nSubject: again\r\nDate:")
        default: canonical += "\nextra line"
        }
        let dir = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let eml = dir.appendingPathComponent("broken.eml"), text = dir.appendingPathComponent("canonical.txt")
        try Data(raw.utf8).write(to: eml)
        try Data(canonical.utf8).write(to: text)
        let r = try TestSupport.run("python3", [Fixture.checkScript, eml.path, "--canonical", text.path])
        #expect(r.status == 1, "check_eml.py accepted a message with \(breakage): \(r.stdout)")
    }
}
