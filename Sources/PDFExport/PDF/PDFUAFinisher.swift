import Foundation
import TrialModel

/// Completes what cairo 1.16 writes into a PDF/UA-1 document, in memory, before the handout is returned:
/// the structure tree joined and annotated from the renderer's notes, unmarked content made Artifacts,
/// /Lang, XMP metadata with the PDF/UA identification, DisplayDocTitle, page labels, tab order on pages
/// with links, and a PDF 1.7 header. `PDFFile` copies every object it does not change as cairo wrote it and
/// derives the /ID from the content, so the same input still gives the same bytes.
struct PDFUAFinisher {
    let notes: [StructureNote]
    let metadata: PDFMetadata
    let language: String

    func finish(_ pdf: Data) throws -> Data {
        let file = try PDFFile([UInt8](pdf))
        guard let root = file.trailer["Root"]?.ref else { throw PDFError("PDF: no catalog") }
        var catalog = try file.dictionary(.ref(root))
        try StructureTree(file, catalog: catalog, notes: notes).complete()
        for pageNumber in try file.pages(catalog) {
            var page = try file.dictionary(.ref(pageNumber))
            var pageChanged = false
            let streams = (page["Contents"]?.items ?? []).compactMap(\.ref)
            if let first = streams.first {
                // Several content streams are read as one (a line break between them); the page keeps one stream.
                var content: [UInt8] = []
                for (k, n) in streams.enumerated() {
                    if k > 0 { content.append(0x0A) }
                    content += try file.streamData(n)
                }
                for n in streams {
                    if let length = try file.dictionary(.ref(n))["Length"]?.ref { file.remove(length) }
                }
                try file.setStream(first, data: try Flate.deflate(ArtifactMarker.mark(content)), filter: "FlateDecode")
                for n in streams.dropFirst() { file.remove(n) }
                if streams.count > 1 || page["Contents"]?.ref == nil { page["Contents"] = .ref(first); pageChanged = true }
            }
            if !(try file.resolve(page["Annots"]).items.isEmpty) { page["Tabs"] = .name("S"); pageChanged = true }
            if pageChanged { file.set(pageNumber, .dict(page)) }
        }
        catalog["Lang"] = .text(language)
        catalog["MarkInfo"] = .dict(PDFDictionary(["Marked": .bool(true)]))
        // A right-to-left handout's pages follow each other right to left in a two-page view.
        catalog["ViewerPreferences"] = .dict(WritingDirection(languageTag: language).isRightToLeft
            ? PDFDictionary(["DisplayDocTitle": .bool(true), "Direction": .name("R2L")])
            : PDFDictionary(["DisplayDocTitle": .bool(true)]))
        // Plain decimal page numbers from 1 (cairo 1.16 writes an empty number tree, which nothing else refers to).
        if let old = catalog["PageLabels"]?.ref { file.remove(old) }
        catalog["PageLabels"] = .dict(PDFDictionary(["Nums": .array([.int(0), .dict(PDFDictionary(["S": .name("D")]))])]))
        let producer = try file.dictionary(file.trailer["Info"])["Producer"]?.text
        // Uncompressed, as PDF/A asks and as qpdf wrote it: the XMP packet stays readable in the file.
        let xmp = file.addStream(PDFDictionary(["Type": .name("Metadata"), "Subtype": .name("XML")]),
                                 data: XMPPacket.bytes(metadata, language: language, producer: producer))
        catalog["Metadata"] = .ref(xmp)
        file.set(root, .dict(catalog))
        try file.deflateLeftoverStreams()
        return try file.write(version: "1.7")
    }
}
