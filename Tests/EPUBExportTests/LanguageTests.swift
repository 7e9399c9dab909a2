import EPUBExport
import ExportKit
import Foundation
import Testing
import TestSupport
import TrialModel

/// EPUBs in other languages: language and direction on the package and every document, right-to-left page
/// progression for Arabic, navigation in the summary's language.
@Suite struct EPUBLanguageTests {
    static func epub(_ item: LoadedSummary) throws -> Data {
        try EPUBFixture.exporter().render(item, variant: "", worker: WorkerCache())[0].bytes()
    }

    @Test func arabicIsRightToLeft() throws {
        let epub = try Self.epub(TestSupport.sample(.ar))
        let opf = try EPUBFixture.xml(EPUBFixture.file(epub, "EPUB/package.opf"))
        #expect(opf.attr("dir") == "rtl")
        #expect(opf.descendants("spine").first?.attr("page-progression-direction") == "rtl")
        for path in ["EPUB/summary.xhtml", "EPUB/nav.xhtml"] {
            let html = String(decoding: try EPUBFixture.file(epub, path), as: UTF8.self)
            #expect(html.contains(#"lang="ar" xml:lang="ar" dir="rtl""#), "\(path)")
        }
        let nav = String(decoding: try EPUBFixture.file(epub, "EPUB/nav.xhtml"), as: UTF8.self)
        #expect(nav.contains("أهم المعلومات") && !nav.contains("Key facts"))
    }

    @Test func spanishPatinaSpeaksSpanish() throws {
        let epub = try Self.epub(TestSupport.patinaVersions().es)
        let opf = String(decoding: try EPUBFixture.file(epub, "EPUB/package.opf"), as: UTF8.self)
        #expect(opf.contains(#"xml:lang="es" dir="ltr""#) && !opf.contains("page-progression-direction"))
        #expect(opf.contains("Texto adaptable"))
        let doc = String(decoding: try EPUBFixture.file(epub, "EPUB/summary.xhtml"), as: UTF8.self)
        for phrase in ["Datos clave", "44,3 meses", "79,7\u{A0}%", "unas 80 de cada 100 personas", "Cuanto más larga la barra, mejor",
                       "1 de junio de 2026", "Cifras del gráfico"] {
            #expect(doc.contains(phrase), "\(phrase)")
        }
        #expect(!doc.contains("Key facts") && !doc.contains("Reviewed"))
    }
}
