import XMLKit

/// Namespaces the EPUB documents use.
enum XMLNamespace {
    static let xhtml = "http://www.w3.org/1999/xhtml"
    static let ops = "http://www.idpf.org/2007/ops"
    static let svg = "http://www.w3.org/2000/svg"
    static let opf = "http://www.idpf.org/2007/opf"
    static let dc = "http://purl.org/dc/elements/1.1/"
    static let container = "urn:oasis:names:tc:opendocument:xmlns:container"
}
