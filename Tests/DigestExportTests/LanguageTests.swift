import ExportKit
import Foundation
import Testing
import TestSupport
import TrialModel
@testable import DigestExport

/// Digests in other languages: the catalogue's words, Content-Language, an RFC 2047 subject that Python's email
/// parser decodes back, and lines measured in display columns (Chinese characters are two wide).
@Suite struct LanguageTests {
    @Test func spanishPatinaDigest() throws {
        let es = try TestSupport.patinaVersions().es
        let d = try Fixture.exporter().digest([es])
        let raw = String(decoding: d.message, as: UTF8.self)
        #expect(raw.contains("\r\nContent-Language: es\r\n"))
        #expect(raw.contains("=?utf-8?Q?c=C3=A1ncer?="), "non-ASCII words of the subject go out as RFC 2047 encoded words")
        #expect(d.subject.contains("1 de junio de 2026"))
        #expect(d.canonicalText.contains("Resultado principal") && d.canonicalText.contains("44,3 meses"))
        #expect(d.canonicalText.contains("Participantes: 518 personas") && d.canonicalText.contains("Lea el resumen completo:"))
        #expect(!d.canonicalText.contains("Key facts") && !d.canonicalText.contains("Main result"))
        #expect(try Fixture.pythonCheck(d, subject: d.subject).hasSuffix("ok\n"))
    }

    @Test(arguments: [Language.ar, .zhHans, .de, .fr])
    func sampleDigestInEveryLanguage(_ language: Language) throws {
        let item = TestSupport.sample(language)
        let d = try Fixture.exporter().digest([item])
        #expect(String(decoding: d.message, as: UTF8.self).contains("\r\nContent-Language: \(language.rawValue)\r\n"))
        #expect(try Fixture.pythonCheck(d, subject: d.subject).hasSuffix("ok\n"))
        let text = PlainTextRenderer(settings: .defaults).text(item)
        for line in text.split(separator: "\n") {
            #expect(TextWidth.of(line) <= 72 || TextWrap.isURL(line.split(separator: " ").last ?? ""), "\(line)")
        }
        #expect(text.contains(Messages.for(language)[.keyFacts]))
    }

    /// A mixed selection: the newsletter's own words in English, every language listed.
    @Test func mixedLanguagesListEveryLanguage() throws {
        let (en, es) = try TestSupport.patinaVersions()
        let d = try Fixture.exporter().digest([en, es, TestSupport.sample(.zhHans)])
        #expect(String(decoding: d.message, as: UTF8.self).contains("\r\nContent-Language: en, es, zh-Hans\r\n"))
        #expect(try Fixture.pythonCheck(d, subject: d.subject).hasSuffix("ok\n"))
    }
}
