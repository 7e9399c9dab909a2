import XMLKit

/// The XMP metadata packet PDF/UA-1 asks for (ISO 14289-1 5, 7.1): the PDF/UA identification
/// (`pdfuaid:part` 1), title, creator, description, language and dates, all from the same values as the
/// document information dictionary (dates from the review date, never the clock).
enum XMPPacket {
    static func bytes(_ m: PDFMetadata, language: String, producer: String?) -> [UInt8] {
        let xml = XMLBuilder()
        let meta = xml.root("xmpmeta", namespace: "adobe:ns:meta/", prefix: "x")
        meta.declareNamespace(Namespace.rdf, prefix: "rdf")
        let d = meta.element("rdf:RDF").element("rdf:Description")
        for (prefix, href) in [("pdfuaid", Namespace.pdfuaid), ("dc", Namespace.dc), ("xmp", Namespace.xmp), ("pdf", Namespace.pdf)] {
            d.declareNamespace(href, prefix: prefix)
        }
        d.set("rdf:about", "")
        d.element("pdfuaid:part", text: "1")
        d.element("dc:format", text: "application/pdf")
        d.element("dc:title").element("rdf:Alt").element("rdf:li", ["xml:lang": "x-default"], text: m.title)
        d.element("dc:creator").element("rdf:Seq").element("rdf:li", text: m.author)
        d.element("dc:description").element("rdf:Alt").element("rdf:li", ["xml:lang": "x-default"], text: m.subject)
        d.element("dc:language").element("rdf:Bag").element("rdf:li", text: language)
        d.element("xmp:CreateDate", text: m.date)
        d.element("xmp:ModifyDate", text: m.date)
        d.element("xmp:MetadataDate", text: m.date)
        d.element("xmp:CreatorTool", text: m.creator)
        d.element("pdf:Keywords", text: m.keywords)
        if let producer { d.element("pdf:Producer", text: producer) }
        xml.processingInstruction("xpacket", "begin=\"\u{FEFF}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"")
        xml.processingInstruction("xpacket", "end=\"r\"", atEnd: true)
        return Array(xml.serialize(indent: true))
    }

    enum Namespace {
        static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
        static let pdfuaid = "http://www.aiim.org/pdfua/ns/id/"
        static let dc = "http://purl.org/dc/elements/1.1/"
        static let xmp = "http://ns.adobe.com/xap/1.0/"
        static let pdf = "http://ns.adobe.com/pdf/1.3/"
    }
}
