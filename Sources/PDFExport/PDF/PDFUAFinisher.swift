import Foundation
import TrialModel

/// Completes what cairo 1.16 writes into a PDF/UA-1 document, in memory, before the handout is returned:
/// the structure tree joined and annotated from the renderer's notes, unmarked content made Artifacts,
/// /Lang, XMP metadata with the PDF/UA identification, DisplayDocTitle, page labels, tab order on pages
/// with links, and a PDF 1.7 header. qpdf writes the result with an /ID derived from the content, so the
/// same input still gives the same bytes.
struct PDFUAFinisher {
    let notes: [StructureNote]
    let metadata: PDFMetadata
    let language: String

    func finish(_ pdf: Data) throws -> Data {
        let doc = try QPDFDocument(pdf)
        let root = doc.root
        try StructureTree(doc, notes: notes).complete()
        for page in doc.pages {
            if let contents = page["Contents"] {
                let marked = ArtifactMarker.mark(try doc.contentBytes(of: page))
                // Several content streams are read as one; the page keeps one stream with all of it.
                let stream = contents.isArray ? contents.items[0] : contents
                doc.replaceData(of: stream, with: marked)
                if contents.isArray { page["Contents"] = stream }
            }
            if let annotations = page["Annots"], !annotations.items.isEmpty { page["Tabs"] = doc.name("S") }
        }
        root["Lang"] = doc.text(language)
        root["MarkInfo"] = doc.dictionary(["Marked": doc.bool(true)])
        // A right-to-left handout's pages follow each other right to left in a two-page view.
        root["ViewerPreferences"] = WritingDirection(languageTag: language).isRightToLeft
            ? doc.dictionary(["DisplayDocTitle": doc.bool(true), "Direction": doc.name("R2L")])
            : doc.dictionary(["DisplayDocTitle": doc.bool(true)])
        // Plain decimal page numbers from 1 (cairo 1.16 writes an empty number tree).
        root["PageLabels"] = doc.dictionary(["Nums": doc.array([doc.integer(0), doc.dictionary(["S": doc.name("D")])])])
        let producer = doc.trailer["Info"]?["Producer"]?.utf8
        root["Metadata"] = doc.indirect(doc.stream(XMPPacket.bytes(metadata, language: language, producer: producer),
                                                   ["Type": doc.name("Metadata"), "Subtype": doc.name("XML")]))
        return try doc.write(version: "1.7")
    }
}
