import ExportKit
import Foundation
import Testing
@testable import PDFExport
import TestSupport
import TrialModel

@Suite struct ExporterTests {
    @Test func defaultVariantsComeFromSettings() throws {
        let e = try PDFExporter(context: TestSupport.context())
        #expect(e.variants == ["a4", "large-print", "brief-a4"])
        #expect(PDFExporter.info.name == "pdf")
    }

    @Test func optionsOverrideTheLayouts() throws {
        #expect(try Handout.exporter(["letter"]).variants == ["letter"])
    }

    @Test func outputPathAndNoCollection() throws {
        let e = try Handout.exporter(["a4"])
        let files = try e.render(TestSupport.patina(), variant: "a4", worker: WorkerCache())
        #expect(files.map(\.path) == ["pdf/a4/patina.pdf"])
        #expect(try files[0].bytes().starts(with: Array("%PDF-1.7".utf8)))
        #expect(try e.renderCollection([TestSupport.patina()], worker: WorkerCache()).isEmpty)
    }

    /// The fingerprint holds the layout file and a digest of the fonts, so editing either triggers a rebuild.
    @Test func fingerprintFollowsLayoutAndFonts() throws {
        let root = try TestSupport.temporaryFolder()
        let fm = FileManager.default
        try fm.copyItem(at: TestSupport.repoRoot.appendingPathComponent("layouts"), to: root.appendingPathComponent("layouts"))
        try fm.createDirectory(at: root.appendingPathComponent("fonts"), withIntermediateDirectories: true)
        for f in try FontSetup.fontFiles(in: TestSupport.repoRoot.appendingPathComponent("fonts")) {
            try fm.createSymbolicLink(at: root.appendingPathComponent("fonts/\(f.lastPathComponent)"), withDestinationURL: f)
        }
        func exporter() throws -> PDFExporter {
            try PDFExporter(context: ExportContext(settings: .defaults, resourceRoot: root,
                                                   options: ExportOptions(variants: ["a4", "letter"]), toolVersion: "t"))
        }
        let before = try exporter()
        #expect(before.fingerprint(variant: "a4") != before.fingerprint(variant: "letter"))
        #expect(try exporter().fingerprint(variant: "a4") == before.fingerprint(variant: "a4"))

        let a4 = root.appendingPathComponent("layouts/a4.yaml")
        try (String(contentsOf: a4, encoding: .utf8).replacingOccurrences(of: "body: 14", with: "body: 13"))
            .write(to: a4, atomically: true, encoding: .utf8)
        let edited = try exporter()
        #expect(edited.fingerprint(variant: "a4") != before.fingerprint(variant: "a4"))
        #expect(edited.fingerprint(variant: "letter") == before.fingerprint(variant: "letter"))

        try fm.removeItem(at: root.appendingPathComponent("fonts/NotoSansSymbols2-Regular.ttf"))
        #expect(try exporter().fingerprint(variant: "letter") != before.fingerprint(variant: "letter"))
    }

    /// A font reached through a symbolic link (resources gathered from several places) is digested as the file
    /// itself: by its size and head when large, never read whole on every run.
    @Test func fontDigestFollowsSymbolicLinks() throws {
        let dir = try TestSupport.temporaryFolder()
        let large = dir.appendingPathComponent("Large.otf"), small = dir.appendingPathComponent("Small.ttf")
        try Data((0..<(FontDigest.wholeFileLimit + 4096)).map { UInt8(truncatingIfNeeded: $0 &* 31) }).write(to: large)
        try Data(repeating: 7, count: 1000).write(to: small)
        let links = dir.appendingPathComponent("links")
        try FileManager.default.createDirectory(at: links, withIntermediateDirectories: true)
        for f in [large, small] {
            try FileManager.default.createSymbolicLink(at: links.appendingPathComponent(f.lastPathComponent), withDestinationURL: f)
        }
        let linked = [large, small].map { links.appendingPathComponent($0.lastPathComponent) }
        #expect(try FontDigest.of(linked) == FontDigest.of([large, small]))
        // A change past the head of a large face is not read (its size is); a change in a small one is.
        var bytes = try Data(contentsOf: large)
        bytes[bytes.count - 1] ^= 0xFF
        try bytes.write(to: large)
        #expect(try FontDigest.of(linked) == FontDigest.of([large, small]))
        try Data(repeating: 8, count: 1000).write(to: small)
        #expect(try FontDigest.of(linked) == FontDigest.of([large, small]))
        #expect(try FontDigest.of(linked) != FontDigest.of([large]))
    }

    @Test func layoutFamilyMissingFromFontsIsAConfigurationError() throws {
        let fonts = try FontSetup(fontsFolder: TestSupport.repoRoot.appendingPathComponent("fonts"))
        #expect(throws: ExportError.self) { try fonts.require(family: "Comic Sans MS", layout: "a4") }
    }

    /// Link attributes are single-quoted for cairo; a quote or backslash in a URL must not break the tag.
    @Test func linkAttributesAreEscaped() {
        #expect(PDFCanvas.escapeAttribute(#"https://x.org/a'b\c"#) == #"https://x.org/a\'b\\c"#)
        #expect(PDFCanvas.number(12.345) == "12.35")
        #expect(PDFCanvas.number(-0.5) == "-0.50")
        #expect(PDFCanvas.safeURI("https://x.org/a b(c)\\é") == "https://x.org/a%20b%28c%29%5C%C3%A9")
        // Byte by byte: one hex digit padded, DEL encoded, clean addresses and text without quotes unchanged.
        #expect(PDFCanvas.safeURI("a\nb\u{7F}") == "a%0Ab%7F")
        #expect(PDFCanvas.safeURI("https://x.org/ok?a=1&b=~2#c") == "https://x.org/ok?a=1&b=~2#c")
        #expect(PDFCanvas.escapeAttribute("é'ü\\") == #"é\'ü\\"#)
        #expect(PDFCanvas.escapeAttribute("plain é") == "plain é")
    }

    /// A quote, a backslash and an unbalanced parenthesis in a URL neither stop cairo nor corrupt the PDF.
    @Test func awkwardURLStillRendersAsALink() throws {
        var s = try TestSupport.patina().summary
        s.lead = RichText([.text("See "), .link(url: "https://example.org/it's\\here(1", children: [.text("this page")]), .text(".")])
        let item = LoadedSummary(summary: s, sourcePath: "x.yaml", sourceBytes: [])
        let files = try Handout.exporter(["a4"]).render(item, variant: "a4", worker: WorkerCache())
        let dir = try TestSupport.temporaryFolder()
        let url = dir.appendingPathComponent("q.pdf")
        try files[0].bytes().write(to: url)
        #expect(try TestSupport.run("pdfinfo", ["-url", url.path]).stdout.contains("https://example.org/it's%5Chere%281"))
        #expect(try TestSupport.run("qpdf", ["--check", url.path]).status == 0)
        // On paper the address follows the link text.
        #expect(try TestSupport.run("pdftotext", [url.path, "-"]).stdout.contains("this page (https://example.org/it's\\here(1)"))
    }
}
