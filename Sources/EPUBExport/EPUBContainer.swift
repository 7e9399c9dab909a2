import Foundation
import TrialModel
import ZIPFoundation
import XMLKit

/// An OCF ZIP container being written, byte-for-byte reproducible: `mimetype` first and stored, then
/// `META-INF/container.xml`, then the publication's files, all deflated; every entry has the same timestamp
/// (the book's modified date, midnight UTC — ZIPFoundation converts with `gmtime`, so the machine's time zone
/// plays no part) and fixed permissions. ZIPFoundation writes no extra fields for entries under 4 GiB (it only
/// adds ZIP64 ones), so no entry carries UT/ux time or uid fields that would vary between machines.
///
/// Content documents can be added as soon as they are rendered (`add`), so a collection streams into its
/// file; `finish` then writes the package document, the navigation document and whatever was not added yet.
/// OCF only requires `mimetype` to come first, so the package document may follow the chapters.
final class EPUBContainer {
    static let mimetype = "application/epub+zip"
    static let contentFolder = "EPUB/"

    private let archive: Archive
    private let date: Date
    private var added: Set<String> = []

    /// Built in memory; read the bytes from `data` after `finish`.
    convenience init(modified: Day) throws {
        try self.init(try Archive(data: Data(), accessMode: .create), modified: modified)
    }

    /// Written straight into the file at `url`: only ZIPFoundation's central directory stays in memory.
    convenience init(url: URL, modified: Day) throws {
        try self.init(try Archive(url: url, accessMode: .create), modified: modified)
    }

    private init(_ archive: Archive, modified: Day) throws {
        self.archive = archive
        date = Date(timeIntervalSince1970: TimeInterval(modified.daysSinceEpoch) * 86_400)
        try addEntry("mimetype", Data(Self.mimetype.utf8), compress: false)
        try addEntry("META-INF/container.xml", Self.containerXML())
    }

    var data: Data? { archive.data }

    /// Writes the item now and returns it without its bytes, to be listed in the book.
    func add(_ item: PublicationItem) throws -> PublicationItem {
        try addEntry(Self.contentFolder + item.href, item.data)
        added.insert(item.href)
        var listed = item
        listed.data = Data()
        return listed
    }

    /// Writes the package document, the navigation document and the book's items not added before.
    func finish(_ book: Book) throws {
        let nav = PublicationItem(id: "nav", href: NavDocument.href, mediaType: "application/xhtml+xml",
                                  data: NavDocument.render(book), properties: ["nav"],
                                  inSpine: book.navInSpineAt != nil)
        try addEntry(PackageDocument.href, PackageDocument.render(book, nav: nav))
        try addEntry(Self.contentFolder + nav.href, nav.data)
        for item in book.items where !added.contains(item.href) { try addEntry(Self.contentFolder + item.href, item.data) }
    }

    /// ZIPFoundation turns each entry's date into DOS form with `gmtime`, whose result buffer is shared by every
    /// thread: two EPUBs zipped at once could swap dates (CI caught one). Nothing else on the export path calls
    /// `gmtime` or `localtime`. The lock is held from the start of `addEntry`, which converts the date first,
    /// until it first asks for the entry's bytes, so deflating runs in parallel. `timestampsSurviveConcurrentBuilds`
    /// fails if a ZIPFoundation update moves the conversion.
    private static let gmtimeLock = NSLock()

    private func addEntry(_ path: String, _ data: Data, compress: Bool = true) throws {
        Self.gmtimeLock.lock()
        var locked = true
        defer { if locked { Self.gmtimeLock.unlock() } }
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                             permissions: 0o644, compressionMethod: compress ? .deflate : .none) { position, size in
            if locked { Self.gmtimeLock.unlock(); locked = false }
            return data.subdata(in: Int(position)..<Int(position) + size)
        }
    }

    /// A whole book in memory (one summary's EPUB).
    static func zip(_ book: Book) throws -> Data {
        let container = try EPUBContainer(modified: book.metadata.modified)
        try container.finish(book)
        guard let data = container.data else { throw EPUBError("ZIPFoundation returned no archive data") }
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
