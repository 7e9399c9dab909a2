import Foundation
import ZIPFoundation

/// Packages a `Book` as an OCF ZIP container in memory, byte-for-byte reproducible:
/// `mimetype` first and stored, then `META-INF/container.xml`, the package document, the navigation
/// document and the items in book order, all deflated; every entry has the same timestamp (the book's
/// modified date, midnight UTC — ZIPFoundation converts with `gmtime`, so the machine's time zone plays no
/// part) and fixed permissions. ZIPFoundation writes no extra fields for entries under 4 GiB (it only adds
/// ZIP64 ones), so no entry carries UT/ux time or uid fields that would vary between machines.
enum EPUBContainer {
    static let mimetype = "application/epub+zip"
    static let contentFolder = "EPUB/"

    static func zip(_ book: Book) throws -> Data {
        let nav = PublicationItem(id: "nav", href: NavDocument.href, mediaType: "application/xhtml+xml",
                                  data: NavDocument.render(book), properties: ["nav"],
                                  inSpine: book.navInSpineAt != nil)
        var entries: [(path: String, data: Data, compress: Bool)] = [
            ("mimetype", Data(mimetype.utf8), false),
            ("META-INF/container.xml", containerXML(), true),
            (PackageDocument.href, PackageDocument.render(book, nav: nav), true),
            (contentFolder + nav.href, nav.data, true),
        ]
        entries += book.items.map { (contentFolder + $0.href, $0.data, true) }

        let archive = try Archive(data: Data(), accessMode: .create)
        let date = Date(timeIntervalSince1970: TimeInterval(book.metadata.modified.daysSinceEpoch) * 86_400)
        for entry in entries {
            try archive.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(entry.data.count),
                                 modificationDate: date, permissions: 0o644,
                                 compressionMethod: entry.compress ? .deflate : .none) { position, size in
                entry.data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw EPUBError("ZIPFoundation returned no archive data") }
        return data
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
