import CCairo
import CPDFOutput
import Foundation
@testable import PDFExport
import Testing
import TestSupport

/// The finisher's own PDF reader and writer (`PDFFile`, `PDFParser`, `PDFValue`, `Flate`): what it writes
/// must pass `qpdf --check`, keep every object it was not asked to change, and be the same bytes every time.
@Suite struct PDFFileTests {
    /// cairo's output for two pages of tagged text, a link and a paragraph cut by the page break.
    static func cairoPDF() throws -> Data {
        let canvas = PDFCanvas(width: 200, height: 200)
        canvas.setMetadata(CAIRO_PDF_METADATA_TITLE, "Tést (1)")
        canvas.beginTag("Document")
        canvas.beginTag("P")
        cairo_move_to(canvas.cr, 10, 20)
        cairo_show_text(canvas.cr, "first")
        canvas.beginLink("https://example.org/a(b)", rect: [10, 30, 40, 10], text: "example")
        cairo_move_to(canvas.cr, 10, 40)
        cairo_show_text(canvas.cr, "link")
        canvas.endTag()
        canvas.suspendTags()
        cairo_rectangle(canvas.cr, 0, 190, 200, 1)
        cairo_fill(canvas.cr)
        canvas.showPage()
        canvas.resumeTags()
        cairo_move_to(canvas.cr, 10, 20)
        cairo_show_text(canvas.cr, "second")
        canvas.endTag()
        canvas.endTag()
        return try canvas.finish()
    }

    static func check(_ pdf: Data) throws -> (status: Int32, stdout: String, stderr: String) {
        let url = try TestSupport.temporaryFolder().appendingPathComponent("file.pdf")
        try pdf.write(to: url)
        return try TestSupport.run("qpdf", ["--check", url.path])
    }

    /// qpdf's JSON view of every object, by "obj:N 0 R".
    static func objects(_ pdf: Data) throws -> [String: Any] {
        let url = try TestSupport.temporaryFolder().appendingPathComponent("objects.pdf")
        try pdf.write(to: url)
        let out = try TestSupport.run("qpdf", ["--json=2", "--json-key=qpdf", url.path]).stdout
        let json = try JSONSerialization.jsonObject(with: Data(out.utf8)) as! [String: Any]
        return (json["qpdf"] as! [Any])[1] as! [String: Any]
    }

    @Test func unchangedFileIsWrittenWithTheSameObjects() throws {
        let pdf = try Self.cairoPDF()
        let out = try PDFFile([UInt8](pdf)).write(version: "1.7")
        let r = try Self.check(out)
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(out.starts(with: Array("%PDF-1.7\n".utf8)))
        var before = try Self.objects(pdf), after = try Self.objects(out)
        before["trailer"] = nil
        after["trailer"] = nil
        #expect(NSDictionary(dictionary: before).isEqual(to: after))
    }

    @Test func finishedHandoutPassesQPDFAndIsDeterministic() throws {
        let pdf = try Self.cairoPDF()
        let item = try TestSupport.patina()
        let notes = [StructureNote(name: "Document"), StructureNote(name: "P"),
                     StructureNote(name: "Link", contents: "example"), StructureNote(name: "P", continues: true)]
        let finisher = PDFUAFinisher(notes: notes, metadata: PDFMetadata(item, settings: .defaults, toolVersion: "test"), language: "en")
        let a = try finisher.finish(pdf), b = try finisher.finish(pdf)
        #expect(a == b)
        let r = try Self.check(a)
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(!r.stdout.contains("WARNING") && r.stderr.isEmpty, "\(r.stdout)\(r.stderr)")
        let values = try Self.objects(a).values.compactMap { ($0 as? [String: Any])?["value"] as? [String: Any] }
        // The continued paragraph was joined into the first one and left the file.
        let paragraphs = values.filter { $0["/S"] as? String == "/P" }
        #expect(paragraphs.count == 1)
        // cairo marks content only in leaves: page 1's part holds the Link, page 2's part its text (now an MCR).
        let kids = (paragraphs.first?["/K"] as? [Any]) ?? []
        #expect(kids.count == 2)
        #expect(kids.contains { ($0 as? [String: Any])?["/Type"] as? String == "/MCR" })
        #expect(values.contains { $0["/Contents"] as? String == "u:example" })
        #expect(values.contains { ($0["/Tabs"] as? String) == "/S" })
        let catalog = values.first { $0["/Type"] as? String == "/Catalog" }
        #expect(catalog?["/Lang"] as? String == "u:en")
    }

    /// A table cut by a page break: the second part's row moves into the first part, so its /P is written
    /// anew; every element's /P is its parent, and elements whose parent did not change keep cairo's bytes.
    @Test func onlyMovedElementsGetANewParent() throws {
        let canvas = PDFCanvas(width: 200, height: 200)
        canvas.beginTag("Document")
        canvas.beginTag("Table")
        for page in 0..<2 {
            if page == 1 {
                canvas.suspendTags()
                canvas.showPage()
                canvas.resumeTags()
            }
            canvas.beginTag("TR")
            canvas.beginTag("TD")
            cairo_move_to(canvas.cr, 10, 20)
            cairo_show_text(canvas.cr, "cell \(page)")
            canvas.endTag()
            canvas.endTag()
        }
        canvas.endTag()
        canvas.endTag()
        canvas.showPage()
        let raw = try canvas.finish()
        let item = try TestSupport.patina()
        let out = try PDFUAFinisher(notes: canvas.notes, metadata: PDFMetadata(item, settings: .defaults, toolVersion: "test"),
                                    language: "en").finish(raw)
        #expect(try Self.check(out).status == 0)
        let objects = try Self.objects(out)
        var elements: [String: [String: Any]] = [:]
        for (key, v) in objects {
            if let d = (v as? [String: Any])?["value"] as? [String: Any], d["/Type"] as? String == "/StructElem" {
                elements[String(key.dropFirst(4))] = d
            }
        }
        #expect(elements.values.filter { $0["/S"] as? String == "/Table" }.count == 1)
        var rows = 0
        for (ref, d) in elements {
            let kids = (d["/K"] as? [Any]) ?? [d["/K"] as Any]
            for case let kid as String in kids where elements[kid] != nil {
                #expect(elements[kid]?["/P"] as? String == ref, "\(kid) under \(ref)")
                if d["/S"] as? String == "/Table" { rows += 1 }
            }
        }
        #expect(rows == 2)
        // The first row did not move: its dictionary is the one cairo wrote (cairo puts /S on its own line).
        #expect(String(decoding: out, as: UTF8.self).components(separatedBy: "/Type /StructElem\n   /S /TR\n").count == 2)
    }

    /// cairo leaves page content, Form XObjects and ToUnicode maps uncompressed in this process (CPDFOutput
    /// sets CAIRO_DEBUG_PDF); the finished file has every stream deflated but the tiling pattern (cairo never
    /// compresses those) and the XMP packet (kept readable).
    @Test func finishedFileDeflatesWhatCairoLeftUncompressed() throws {
        #expect(trialexport_cairo_content_uncompressed() == 1)
        let canvas = PDFCanvas(width: 200, height: 200)
        canvas.beginTag("Document")
        canvas.beginTag("P")
        cairo_move_to(canvas.cr, 10, 20)
        cairo_show_text(canvas.cr, "text")
        canvas.endTag()
        canvas.endTag()
        // A group (a Form XObject) and a repeating pattern, as the icon arrays draw.
        cairo_push_group(canvas.cr)
        cairo_rectangle(canvas.cr, 0, 0, 4, 4)
        cairo_fill(canvas.cr)
        let pattern = cairo_pop_group(canvas.cr)!
        cairo_pattern_set_extend(pattern, CAIRO_EXTEND_REPEAT)
        cairo_set_source(canvas.cr, pattern)
        cairo_rectangle(canvas.cr, 20, 50, 100, 100)
        cairo_fill(canvas.cr)
        cairo_pattern_destroy(pattern)
        canvas.showPage()
        let raw = try canvas.finish()
        func streams(_ pdf: Data) throws -> [[String: Any]] {
            try Self.objects(pdf).values.compactMap { (($0 as? [String: Any])?["stream"] as? [String: Any])?["dict"] as? [String: Any] }
        }
        #expect(try streams(raw).contains { $0["/Filter"] == nil && $0["/PatternType"] == nil && $0["/Type"] == nil })
        let item = try TestSupport.patina()
        let out = try PDFUAFinisher(notes: canvas.notes, metadata: PDFMetadata(item, settings: .defaults, toolVersion: "test"),
                                    language: "en").finish(raw)
        let r = try Self.check(out)
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        let finished = try streams(out)
        #expect(finished.contains { $0["/PatternType"] != nil && $0["/Filter"] == nil })
        #expect(finished.contains { $0["/Subtype"] as? String == "/Form" && $0["/Filter"] as? String == "/FlateDecode" })
        let unfiltered = finished.filter { $0["/Filter"] == nil && $0["/PatternType"] == nil && $0["/Type"] as? String != "/Metadata" }
        #expect(unfiltered.isEmpty, "\(unfiltered)")
    }

    @Test func marksUnmarkedPaintingAsArtifactInTheWrittenStream() throws {
        let pdf = try Self.cairoPDF()
        let item = try TestSupport.patina()
        let notes = [StructureNote(name: "Document"), StructureNote(name: "P"),
                     StructureNote(name: "Link", contents: "example"), StructureNote(name: "P", continues: true)]
        let out = try PDFUAFinisher(notes: notes, metadata: PDFMetadata(item, settings: .defaults, toolVersion: "test"), language: "en").finish(pdf)
        let url = try TestSupport.temporaryFolder().appendingPathComponent("artifact.pdf")
        try out.write(to: url)
        let qdf = try TestSupport.run("qpdf", ["--qdf", "--object-streams=disable", url.path, "-"]).stdout
        #expect(qdf.contains("/Artifact BMC"))
    }

    /// Each painting operator outside marked content is wrapped; state operators and operands alone are not.
    @Test(arguments: ["S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "(x) Tj", "[(x)] TJ", "(x) '", "1 2 (x) \"", "/Im0 Do", "/Sh0 sh"])
    func everyPaintingOperatorIsAnArtifactOutsideMarkedContent(_ op: String) {
        let out = String(decoding: ArtifactMarker.mark(Array("q\n\(op)\nQ\n".utf8)), as: UTF8.self)
        #expect(out == "/Artifact BMC\nq\n\(op)\nQ\nEMC\n")
    }

    @Test(arguments: ["0 0 m 1 1 l n", "true false null 1 -2 .5 +3 Tf", "/F1 12 Tf 0 g", "/P <</MCID 0>> BDC (x) Tj EMC"])
    func nothingPaintedOutsideMarkedContentIsLeftAlone(_ content: String) {
        #expect(ArtifactMarker.mark(Array(content.utf8)) == Array(content.utf8))
    }

    @Test func parserReadsWhatCairoWrites() throws {
        let text = "7 0 obj\n<< /Type /Page % 1\n   /K [ 5 0 R 0 << /MCID 1 /Pg 3 0 R >> -1.5 (a\\)b) <FEFF0041> ]\n   /B true /N null >>\nendobj\n"
        var p = PDFParser(Array(text.utf8), at: 0)
        #expect(try p.objectHeader() == 7)
        let d = try #require(try p.value().dict)
        #expect(d["Type"] == .name("Page"))
        #expect(d["B"] == .bool(true) && d["N"] == .null)
        let k = d["K"]?.items ?? []
        #expect(k.count == 6)
        #expect(k[0] == .ref(5) && k[1] == .int(0) && k[2].dict?["Pg"] == .ref(3) && k[3] == .real(Array("-1.5".utf8)))
        #expect(k[4].text == "a)b" && k[5].text == "A")
        var written: [UInt8] = []
        PDFValue.dict(d).write(to: &written)
        var again = PDFParser(written, at: 0)
        #expect(try again.value() == .dict(d))
    }

    /// The finisher reads most structure elements without building their dictionaries
    /// (`PDFFile.structureElement`): on cairo's output for PATINA in two layouts, what that read gives is what
    /// the whole parse gives, and every element of another form is left to the whole parse.
    @Test func structureElementsReadWithoutParsingAgreeWithTheParse() throws {
        let context = try TestSupport.context()
        let fonts = try FontSetup(fontsFolder: context.fontsFolder)
        let plainKeys: Set = ["Type", "S", "P", "Pg", "K"]
        var quick = 0, whole = 0
        for name in ["a4", "brief-a4"] {
            let layout = try PDFLayouts.load(name, layoutsFolder: context.layoutsFolder)
            let renderer = HandoutRenderer(layout: layout, settings: context.settings, toolVersion: context.toolVersion, fonts: fonts)
            let pdf = [UInt8](try renderer.draw(TestSupport.patina()).result.pdf)
            let reader = try PDFFile(pdf), parser = try PDFFile(pdf)
            for n in 1..<(try #require(parser.trailer["Size"]?.int)) {
                guard case .dict(let d) = try parser.object(n), d["Type"]?.name == "StructElem" else { continue }
                whole += 1
                let kids = d["K"]?.items ?? []
                let plain = d.entries.allSatisfy { plainKeys.contains($0.key) } && d["S"]?.name != nil
                    && kids.allSatisfy { $0.int != nil || $0.ref != nil }
                guard let e = reader.structureElement(n) else {
                    #expect(!plain, "object \(n) is plain but was not read")
                    continue
                }
                quick += 1
                #expect(plain && e.name == d["S"]?.name && e.parent == d["P"]?.ref && e.page == d["Pg"]?.ref && e.kids == kids,
                        "object \(n): \(e) against \(d)")
            }
        }
        #expect(whole > 200 && quick > whole / 2, "\(quick) of \(whole) read without parsing")
    }

    @Test func structureElementReadTakesOnlyThePlainForm() {
        func read(_ text: String) -> (name: String, parent: Int?, page: Int?, kids: [PDFValue])? {
            var p = PDFParser(Array(text.utf8), at: 0)
            return p.structureElement()
        }
        let e = read("<< /Type /StructElem\n   /S /TD\n   /P 10 0 R\n   /Pg 3 0 R\n   /K [ 5 12 0 R 6 ]\n>>")
        #expect(e?.name == "TD" && e?.parent == 10 && e?.page == 3 && e?.kids == [.int(5), .ref(12), .int(6)])
        #expect(read("<< /S /Span /K 7 >>")?.kids == [.int(7)])
        #expect(read("<</S/Span/K 8 0 R>>")?.kids == [.ref(8)])
        for other in ["<< /Type /StructElem /P 4 0 R >>", "<< /S /P /S /H1 >>", "<< /S /P /K -1 >>", "<< /S /P /K 1.5 >>",
                      "<< /S /P /A << /O /Table >> >>", "<< /S /Link /K [ << /Type /OBJR /Obj 9 0 R >> ] >>",
                      "<< /S /P /P 4 >>", "<< /S /P /K [ 1 2", "[ /S /P ]", "<< /S (P) >>"] {
            #expect(read(other) == nil, "\(other)")
        }
    }

    @Test(arguments: ["plain", "with (parens) and \\ back", "Ünïcödé 中文"])
    func textStringsReadBackAsWritten(_ s: String) {
        #expect(PDFValue.text(s).text == s)
    }

    @Test func flateRoundTrip() throws {
        let data = Array((0..<50_000).map { UInt8(truncatingIfNeeded: $0 * 7 / 13) })
        #expect(try Flate.inflate(ArraySlice(try Flate.deflate(data))) == data)
        #expect(try Flate.inflate(ArraySlice(try Flate.deflate([]))) == [])
        #expect(throws: PDFError.self) { try Flate.inflate(ArraySlice(Array("not deflate".utf8))) }
    }

    @Test func brokenFilesAreAnError() throws {
        let pdf = [UInt8](try Self.cairoPDF())
        #expect(throws: PDFError.self) { try PDFFile(Array(pdf[0..<(pdf.count / 2)])) }
        #expect(throws: PDFError.self) { try PDFFile(Array("%PDF-1.5\nstartxref\n3\n%%EOF\n".utf8)) }
    }
}
