import CCairo
import CPDFOutput
import Foundation

/// A cairo PDF surface writing into memory, with the tagged-PDF, link and outline calls the handout
/// needs. One per document: cairo surfaces are never shared between threads or documents.
final class PDFCanvas {
    let surface: OpaquePointer            // cairo_surface_t*
    let cr: OpaquePointer                 // cairo_t*
    /// 1-based number of the page being drawn.
    private(set) var pageNumber = 1
    private var openTags: [StructureNote] = []
    private var suspended: [StructureNote] = []
    /// Every structure element begun, in order: what cairo 1.16 cannot write (alternate text, scope,
    /// continuation across pages and lines), for `PDFUAFinisher`.
    private(set) var notes: [StructureNote] = []
    private var outlineParents: [Int: Int32] = [:]
    /// Text runs waiting to be shown together; `TextBlock.draw` empties it before a tag and when it returns.
    let glyphBatch = GlyphBatch()

    /// Receives the bytes cairo writes: tens of thousands of small writes per handout (cairo writes page
    /// content uncompressed, one write per printed piece: see CPDFOutput), so buffer and callback are C
    /// (output_sink.c): a write is a bounds check and an inlined copy.
    private let sink: OpaquePointer        // trialexport_sink*

    init(width: Double, height: Double) {
        guard let sink = trialexport_sink_create(256 << 10) else { fatalError("PDFCanvas: out of memory") }
        self.sink = sink
        let write = unsafeBitCast(trialexport_sink_write_function(), to: cairo_write_func_t.self)
        surface = cairo_pdf_surface_create_for_stream(write, UnsafeMutableRawPointer(sink), width, height)
        // PDF 1.5: what cairo 1.16 writes structure trees and object streams with.
        cairo_pdf_surface_restrict_to_version(surface, CAIRO_PDF_VERSION_1_5)
        cr = cairo_create(surface)
    }

    deinit {
        cairo_destroy(cr)
        cairo_surface_destroy(surface)
        trialexport_sink_destroy(sink)
    }

    /// Finishes the document and returns its bytes; fails if cairo reported an error (e.g. a bad tag).
    func finish() throws -> Data {
        // While cairo embeds the fonts, its CFF subsetter gets each script face's true tables (cairo_sfnt.c).
        trialexport_cairo_embedding_fonts(1)
        cairo_surface_finish(surface)
        trialexport_cairo_embedding_fonts(0)
        let status = cairo_status(cr) != CAIRO_STATUS_SUCCESS ? cairo_status(cr) : cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw PDFError("cairo: " + String(cString: cairo_status_to_string(status)))
        }
        return Data(bytes: trialexport_sink_bytes(sink), count: trialexport_sink_count(sink))
    }

    func showPage() {
        cairo_show_page(cr)
        pageNumber += 1
    }

    // MARK: Metadata

    func setMetadata(_ key: cairo_pdf_metadata_t, _ value: String) {
        cairo_pdf_surface_set_metadata(surface, key, value)
    }

    // MARK: Structure tags

    /// Begins a structure element. `continues`: it carries on the element of the same type just closed
    /// before it (a paragraph, table or list cut by a page break, a link cut by a line wrap); the finisher
    /// joins the two.
    func beginTag(_ name: String, continues: Bool = false, alt: String? = nil, scope: String? = nil) {
        begin(StructureNote(name: name, continues: continues, alt: alt, scope: scope), attributes: nil)
    }

    func endTag() {
        guard let note = openTags.popLast() else { return }
        cairo_tag_end(cr, note.name)
    }

    /// Closes every tag but the outermost (Document), so what follows (the footer) lies outside all leaves.
    func suspendTags() {
        suspended = Array(openTags.dropFirst())
        for _ in suspended { endTag() }
    }

    /// Reopens what `suspendTags` closed, as continuations of the closed elements.
    func resumeTags() {
        for var note in suspended {
            note.continues = true
            begin(note, attributes: nil)
        }
        suspended = []
    }

    /// Opens a Link element whose annotation covers `rect` ([x, y, w, h]); the link's text is drawn inside.
    /// `text` describes the annotation (its /Contents).
    func beginLink(_ url: String, rect: [Double], text: String, continues: Bool = false) {
        let numbers = rect.map { PDFCanvas.number($0) }.joined(separator: " ")
        begin(StructureNote(name: "Link", continues: continues, contents: text),
              attributes: "uri='\(PDFCanvas.escapeAttribute(PDFCanvas.safeURI(url)))' rect=[\(numbers)]")
    }

    /// A clickable area for `url` made of page rectangles `[x, y, w, h]` with no text of its own (the QR
    /// code): `description` becomes the Link element's /Alt and the annotation's /Contents.
    func link(_ url: String, rects: [[Double]], description: String) {
        let numbers = rects.flatMap { $0 }.map { PDFCanvas.number($0) }.joined(separator: " ")
        begin(StructureNote(name: "Link", alt: description, contents: description),
              attributes: "uri='\(PDFCanvas.escapeAttribute(PDFCanvas.safeURI(url)))' rect=[\(numbers)]")
        endTag()
    }

    private func begin(_ note: StructureNote, attributes: String?) {
        cairo_tag_begin(cr, note.name, attributes)
        openTags.append(note)
        notes.append(note)
    }

    /// Adds a bookmark to the current page at height `y`; level 1 entries nest level 2 ones.
    func addOutline(_ title: String, level: Int, y: Double) {
        let parent = level > 1 ? (outlineParents[level - 1] ?? 0) : 0
        let target = "page=\(pageNumber) pos=[0 \(PDFCanvas.number(y))]"
        let id = cairo_pdf_surface_add_outline(surface, parent, title, target, cairo_pdf_outline_flags_t(0))
        outlineParents[level] = id
    }

    /// cairo 1.16 copies the URI into a PDF literal string without escaping it: a backslash is lost and an
    /// unbalanced parenthesis corrupts the file. Percent-encoding those (and anything outside printable
    /// ASCII) gives the same address in every browser. Works on bytes and returns the string itself when
    /// nothing needs encoding (most addresses): the loop over Characters it replaces cost ~18,000 instructions
    /// a link.
    static func safeURI(_ url: String) -> String {
        func kept(_ byte: UInt8) -> Bool {
            byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "\\") && byte != UInt8(ascii: "(") && byte != UInt8(ascii: ")")
        }
        if url.utf8.allSatisfy(kept) { return url }
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(url.utf8.count + 16)
        for byte in url.utf8 {
            if kept(byte) { out.append(byte) } else { out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]] }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Cairo tag attribute strings are single-quoted; `'` and `\` inside must be backslash-escaped, or
    /// cairo reports CAIRO_STATUS_TAG_ERROR and stops drawing (Kozea/WeasyPrint#774). On bytes (both are ASCII,
    /// never part of a longer UTF-8 sequence), and the string itself when it holds neither.
    static func escapeAttribute(_ s: String) -> String {
        func special(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\\") }
        if !s.utf8.contains(where: special) { return s }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 8)
        for byte in s.utf8 {
            if special(byte) { out.append(UInt8(ascii: "\\")) }
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A locale-independent decimal with two places, as cairo's attribute parser reads it.
    static func number(_ v: Double) -> String {
        let scaled = Int((v * 100).rounded())
        let sign = scaled < 0 ? "-" : ""
        let a = abs(scaled)
        let frac = a % 100
        return "\(sign)\(a / 100).\(frac < 10 ? "0" : "")\(frac)"
    }
}

struct PDFError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
