import ExportKit
import Foundation
@testable import PDFExport
import Testing
import TestSupport
import TrialModel

/// PDF/UA-1 completion (`PDFUAFinisher`): read back with qpdf's JSON view of every object. The full checks
/// (pdfua, check_pdfua.py over PATINA and samples) run in `make checks` (Tests/validators/check-pdfua.sh).
@Suite struct AccessibilityTests {
    /// Every object's value by its "obj:N 0 R" key, and the trailer.
    static func objects(_ layout: String) throws -> [String: Any] {
        let out = try TestSupport.run("qpdf", ["--json=2", "--json-key=qpdf", try Handout.patina(layout).url.path]).stdout
        let json = try JSONSerialization.jsonObject(with: Data(out.utf8)) as! [String: Any]
        return (json["qpdf"] as! [Any])[1] as! [String: Any]
    }

    static func elements(_ objects: [String: Any], _ type: String) -> [[String: Any]] {
        objects.values.compactMap { ($0 as? [String: Any])?["value"] as? [String: Any] }.filter { $0["/S"] as? String == "/" + type }
    }

    @Test func chartFiguresCarryTheModelsAltTextAndTheQRCodeSaysWhereItLeads() throws {
        let item = try TestSupport.patina()
        let alts = Set(Self.elements(try Self.objects("a4"), "Figure").compactMap { $0["/Alt"] as? String })
        let charts = item.summary.outcomes.compactMap { item.views.chart(for: $0.id)?.altText }
        #expect(!charts.isEmpty)
        for alt in charts { #expect(alts.contains("u:" + alt), "no Figure with /Alt \(alt)") }
        #expect(alts.contains { $0.hasPrefix("u:QR code linking to https://") })
        #expect(alts.count == charts.count + 1)
    }

    @Test(arguments: ["a4", "letter", "large-print"])
    func catalogDeclaresLanguageMetadataAndTitleDisplay(_ layout: String) throws {
        let objects = try Self.objects(layout)
        let catalog = objects.values.compactMap { ($0 as? [String: Any])?["value"] as? [String: Any] }
            .first { $0["/Type"] as? String == "/Catalog" }!
        #expect(catalog["/Lang"] as? String == "u:en")
        #expect((catalog["/ViewerPreferences"] as? [String: Any])?["/DisplayDocTitle"] as? Bool == true)
        #expect(((catalog["/PageLabels"] as? [String: Any])?["/Nums"] as? [Any])?.isEmpty == false)
        #expect(catalog["/Metadata"] is String)
        let pdf = try Handout.patina(layout).result.pdf
        #expect(pdf.starts(with: Array("%PDF-1.7".utf8)))
        let xmp = String(decoding: pdf, as: UTF8.self)
        #expect(xmp.contains("<pdfuaid:part>1</pdfuaid:part>"))
        #expect(xmp.contains("<xmp:CreateDate>2026-06-01T00:00:00Z</xmp:CreateDate>"))
    }

    /// Large print cuts the key-facts table, the glossary list and a quote at page breaks: each stays one element.
    @Test func elementsCutByPageBreaksStayWhole() throws {
        let objects = try Self.objects("large-print")
        #expect(Self.elements(objects, "Table").count == 1)
        #expect(Self.elements(objects, "BlockQuote").count == 2)
        for th in Self.elements(objects, "TH") {
            #expect((th["/A"] as? [String: Any])?["/Scope"] as? String == "/Row")
        }
        for li in Self.elements(objects, "LI") {
            let kids = (li["/K"] as? [Any]) ?? [li["/K"] as Any]
            #expect(!kids.isEmpty)
        }
    }

    @Test func artifactMarkerWrapsOnlyUnmarkedPainting() {
        let input = "q 1 0 0 1 0 0 cm\n/P <</MCID 0>> BDC\nBT /f-0-0 12 Tf (a\\)b) Tj ET\nEMC\n0 0 m 10 0 l S\n/Span BMC EMC\n"
        let out = String(decoding: ArtifactMarker.mark(Array(input.utf8)), as: UTF8.self)
        #expect(out == "q 1 0 0 1 0 0 cm\n/P <</MCID 0>> BDC\nBT /f-0-0 12 Tf (a\\)b) Tj ET\nEMC\n/Artifact BMC\n0 0 m 10 0 l S\nEMC\n/Span BMC EMC\n")
        // State changes alone are left as they are.
        #expect(ArtifactMarker.mark(Array("q 0 g Q\n".utf8)) == Array("q 0 g Q\n".utf8))
    }

    @Test func notesThatDoNotMatchTheTreeAreAnError() throws {
        let item = try TestSupport.patina()
        let canvas = PDFCanvas(width: 100, height: 100)
        canvas.beginTag("Document")
        canvas.beginTag("P")
        canvas.endTag()
        canvas.endTag()
        let pdf = try canvas.finish()
        let metadata = PDFMetadata(item, settings: .defaults, toolVersion: "test")
        #expect(throws: PDFError.self) {
            try PDFUAFinisher(notes: [StructureNote(name: "Document")], metadata: metadata, language: "en").finish(pdf)
        }
    }
}
