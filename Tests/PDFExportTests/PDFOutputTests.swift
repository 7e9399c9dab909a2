import ExportKit
import Foundation
import Testing
@testable import PDFExport
import TestSupport
import TrialModel

/// The PATINA handout checked with the command-line tools the formats checklist names (poppler, qpdf).
@Suite struct PDFOutputTests {
    static let layouts = ["a4", "large-print", "letter"]

    @Test(arguments: layouts) func qpdfFindsNoErrors(_ layout: String) throws {
        let r = try TestSupport.run("qpdf", ["--check", try Handout.patina(layout).url.path])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("No syntax or stream encoding errors found"))
    }

    @Test(arguments: layouts) func fontsAreEmbeddedSubsetAndMapped(_ layout: String) throws {
        let out = try TestSupport.run("pdffonts", [try Handout.patina(layout).url.path]).stdout
        let rows = out.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ").map(String.init) }
        #expect(!rows.isEmpty)
        for r in rows {
            // … emb sub uni object-id generation
            #expect(Array(r.suffix(5).prefix(3)) == ["yes", "yes", "yes"], "\(r)")
        }
    }

    @Test(arguments: layouts) func infoDictionaryTaggingAndPageSize(_ layout: String) throws {
        let out = try TestSupport.run("pdfinfo", ["-isodates", "-f", "1", "-l", "999", try Handout.patina(layout).url.path]).stdout
        let s = try TestSupport.patina().summary
        func field(_ name: String) -> String? {
            out.split(separator: "\n").first { $0.hasPrefix(name + ":") }
                .map { String($0.dropFirst(name.count + 1)).trimmingCharacters(in: .whitespaces) }
        }
        #expect(field("Title") == s.title)
        #expect(field("Author") == Settings.defaults.publisher)
        #expect(field("Subject") == s.lead.plainText)
        #expect(field("Keywords")?.contains("NCT02947685") == true)
        #expect(field("Keywords")?.contains("palbociclib") == true)
        #expect(field("Creator") == "trialexport 0.0.0-test")
        #expect(field("CreationDate") == "2026-06-01T00:00:00Z")
        #expect(field("ModDate") == "2026-06-01T00:00:00Z")
        #expect(field("Tagged") == "yes")
        #expect(field("Encrypted") == "no")
        #expect(field("JavaScript") == "no")
        let sizes = out.split(separator: "\n").filter { $0.hasPrefix("Page") && $0.contains("size:") }
        #expect(!sizes.isEmpty)
        let expected = layout == "letter" ? "612 x 792 pts (letter)" : "595.276 x 841.89 pts (A4)"
        #expect(sizes.allSatisfy { $0.hasSuffix(expected) }, "\(sizes)")
    }

    @Test(arguments: layouts) func everyURLIsALink(_ layout: String) throws {
        let out = try TestSupport.run("pdfinfo", ["-url", try Handout.patina(layout).url.path]).stdout
        #expect(out.contains("https://clinicaltrials.gov/study/NCT02947685"))
        #expect(out.contains(Settings.defaults.pageURL(for: "patina")))
    }

    @Test(arguments: layouts) func textHasEveryNumberAndReadsInOrder(_ layout: String) throws {
        let url = try Handout.patina(layout).url
        let text = try TestSupport.run("pdftotext", ["-raw", url.path, "-"]).stdout
        for n in TestSupport.patinaNumbers { #expect(text.contains(n), "missing \(n)") }
        for v in ["44.3 months", "29.1 months", "79.7%", "30.6%", "10.0%", "3.6%", "Hazard ratio 0.75"] {
            #expect(text.contains(v), "missing \(v)")
        }
        // Headings in source order, then the glossary, the disclaimer and the online block.
        let s = try TestSupport.patina().summary
        let order = [s.title.components(separatedBy: ":")[0], "Key facts"]
            + s.sections.filter { $0.kind != .disclaimer }.map(\.heading)
            + ["Words used in this summary", "For information purposes only", "Read this summary online"]
        var cursor = text.startIndex
        for heading in order {
            let key = String(heading.prefix(24))
            guard let r = text.range(of: key, range: cursor..<text.endIndex) else {
                Issue.record("heading out of order or missing: \(heading)"); break
            }
            cursor = r.upperBound
        }
        // No replacement characters, ligature code points or soft hyphens in the extracted text.
        #expect(!text.unicodeScalars.contains { (0xFB00...0xFB06).contains($0.value) || $0.value == 0xFFFD || $0.value == 0xAD })
    }

    @Test(arguments: layouts) func everyPageSaysPageNOfM(_ layout: String) throws {
        let (url, result) = try Handout.patina(layout)
        #expect(result.pageCount > 1)
        for n in 1...result.pageCount {
            let page = try TestSupport.run("pdftotext", ["-f", "\(n)", "-l", "\(n)", url.path, "-"]).stdout
            #expect(page.contains("Page \(n) of \(result.pageCount)"), "page \(n)")
            #expect(page.contains("Clear Trials · PATINA"), "page \(n)")
        }
    }

    @Test func outlineMirrorsHeadings() throws {
        let out = try TestSupport.run("qpdf", ["--json=2", "--json-key=outlines", try Handout.patina("a4").url.path]).stdout
        let json = try JSONSerialization.jsonObject(with: Data(out.utf8)) as! [String: Any]
        let top = (json["outlines"] as! [[String: Any]]).map { $0["title"] as! String }
        let s = try TestSupport.patina().summary
        let expected = ["Key facts"] + s.sections.filter { $0.kind != .disclaimer }.map(\.heading)
            + ["Words used in this summary"] + s.sections.filter { $0.kind == .disclaimer }.map(\.heading)
        #expect(top == expected)
        let results = (json["outlines"] as! [[String: Any]]).first { ($0["title"] as! String).hasPrefix("Results") }!
        let kids = (results["kids"] as! [[String: Any]]).map { $0["title"] as! String }
        #expect(kids.contains("Median time before cancer grew (progression-free survival)"))
        #expect(kids.contains("Overall survival"))
    }

    @Test func structureTreeHasTheExpectedTags() throws {
        let out = try TestSupport.run("pdfinfo", ["-struct", try Handout.patina("a4").url.path]).stdout
        let tags = Set(out.split(separator: "\n").compactMap { $0.split(separator: " ").first.map { String($0.prefix { $0 != ":" }) } })
        #expect(out.hasPrefix("Document"))
        for t in ["H1", "H2", "H3", "P", "L", "LI", "Lbl", "LBody", "Figure", "Caption", "Table", "TR", "TH", "TD", "BlockQuote", "Link"] {
            #expect(tags.contains(t), "missing \(t)")
        }
    }

    /// Every word is inside the structure tree: multi-line elements keep all their lines (and the spaces
    /// between them), and a paragraph with a link keeps its text in Span and Link children.
    @Test func structureTreeHoldsAllTheText() throws {
        let out = try TestSupport.run("pdfinfo", ["-struct-text", try Handout.patina("a4").url.path]).stdout
        let s = try TestSupport.patina().summary
        #expect(out.contains("\"\(s.title)\""))
        #expect(out.contains("\"\(s.lead.plainText)\""))
        #expect(out.contains("\"https://clinicaltrials.gov/study/NCT02947685\""))
        #expect(out.contains("\"Look up this trial: \""))
        #expect(out.contains("Palbociclib group44.3 monthsStandard therapy29.1 months"))
    }

    /// Everything printed lies inside the margins (20 mm, or 25.4 mm in large print): nothing is cut off by
    /// office printers.
    @Test(arguments: layouts) func textStaysInsideTheMargins(_ layout: String) throws {
        let l = try PDFLayouts.load(layout, layoutsFolder: TestSupport.repoRoot.appendingPathComponent("layouts"))
        let out = try TestSupport.run("pdftotext", ["-bbox", try Handout.patina(layout).url.path, "-"]).stdout
        func attr(_ line: Substring, _ name: String) -> Double? {
            guard let r = line.range(of: name + "=\"") else { return nil }
            return Double(line[r.upperBound...].prefix { $0 != "\"" })
        }
        var words = 0
        for line in out.split(separator: "\n") where line.contains("<word ") {
            guard let x0 = attr(line, "xMin"), let y0 = attr(line, "yMin"), let x1 = attr(line, "xMax"), let y1 = attr(line, "yMax") else { continue }
            words += 1
            let tolerance = 1.0
            #expect(x0 >= l.margins.left - tolerance && x1 <= l.pageWidth - l.margins.right + tolerance, "\(line)")
            #expect(y0 >= l.margins.top - tolerance && y1 <= l.pageHeight - l.margins.bottom + tolerance, "\(line)")
        }
        #expect(words > 500)
    }

    @Test(arguments: layouts) func rebuildIsByteIdentical(_ layout: String) throws {
        let first = try Handout.patina(layout).result.pdf
        let again = try Handout.exporter().render(TestSupport.patina(), variant: layout, worker: WorkerCache())
        #expect(again.count == 1)
        #expect(try again[0].bytes() == first)
    }
}
