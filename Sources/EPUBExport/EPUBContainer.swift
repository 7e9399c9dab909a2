import Foundation
import TrialModel
import XMLKit

/// An OCF ZIP container being written, byte-for-byte reproducible: `mimetype` first and stored, then
/// `META-INF/container.xml`, then the publication's files, all deflated; every entry has the same timestamp
/// (the book's modified date, midnight) and fixed permissions, and no entry carries extra fields (time or uid
/// fields would vary between machines). `ZIPWriter` writes the bytes.
///
/// Content documents can be added as soon as they are rendered (`add`), so a collection streams into its
/// file; `finish` then writes the package document, the navigation document and whatever was not added yet.
/// OCF only requires `mimetype` to come first, so the package document may follow the chapters.
final class EPUBContainer {
    static let mimetype = "application/epub+zip"
    static let contentFolder = "EPUB/"

    private let writer: ZIPWriter
    private var added: Set<String> = []

    /// Built in memory; `finish` returns the bytes.
    convenience init(modified: Day) throws {
        try self.init(ZIPWriter(modified: modified))
    }

    /// Written straight into the file at `url`: only the central directory stays in memory.
    convenience init(url: URL, modified: Day) throws {
        try self.init(try ZIPWriter(url: url, modified: modified))
    }

    private init(_ writer: ZIPWriter) throws {
        self.writer = writer
        try writer.add("mimetype", Data(Self.mimetype.utf8), compress: false)
        try writer.add("META-INF/container.xml", Self.containerXML())
    }

    /// Writes the item now and returns it without its bytes, to be listed in the book.
    func add(_ item: PublicationItem) throws -> PublicationItem {
        try writer.add(Self.contentFolder + item.href, item.data)
        added.insert(item.href)
        var listed = item
        listed.data = Data()
        return listed
    }

    /// Writes the package document, the navigation document, the book's items not added before and the ZIP's
    /// central directory; returns the file's bytes when it was built in memory.
    @discardableResult
    func finish(_ book: Book) throws -> Data {
        let nav = PublicationItem(id: "nav", href: NavDocument.href, mediaType: "application/xhtml+xml",
                                  data: NavDocument.render(book), properties: ["nav"],
                                  inSpine: book.navInSpineAt != nil)
        try writer.add(PackageDocument.href, PackageDocument.render(book, nav: nav))
        try writer.add(Self.contentFolder + nav.href, nav.data)
        for item in book.items where !added.contains(item.href) { try writer.add(Self.contentFolder + item.href, item.data) }
        return try writer.finish()
    }

    /// A whole book in memory (one summary's EPUB).
    static func zip(_ book: Book) throws -> Data {
        try EPUBContainer(modified: book.metadata.modified).finish(book)
    }

    /// `META-INF/container.xml`: points reading systems at the package document.
    static func containerXML() -> Data {
        let doc = XMLBuilder()
        let container = doc.root("container", namespace: XMLNamespace.container)
        container.set("version", "1.0")
        container.element("rootfiles").element("rootfile", ["full-path": PackageDocument.href,
                                                            "media-type": "application/oebps-package+xml"])
        return doc.serialize()
    }
}

struct EPUBError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
