import Foundation
import TrialModel

/// Everything that goes into one EPUB before it is packaged: the publication resources in reading order,
/// the table of contents, landmarks and package metadata. `PackageDocument`, `NavDocument` and
/// `EPUBContainer` turn it into the OPF, the navigation document and the ZIP.
struct Book {
    var metadata: BookMetadata
    /// Content documents and the stylesheet, in the order they are listed in the manifest and zipped.
    /// The navigation document is added by `EPUBContainer`.
    var items: [PublicationItem]
    var toc: [TOCEntry]
    var landmarks: [Landmark]
    /// Whether the navigation document is itself part of the reading order (the collection's contents page),
    /// and where in the spine it goes (index into the spine items).
    var navInSpineAt: Int?
    /// Heading of the visible table of contents.
    var tocTitle: String
}

/// One file of the publication (a content document or the stylesheet), relative to the package document.
struct PublicationItem {
    var id: String
    var href: String
    var mediaType: String
    var data: Data
    /// Manifest properties such as `svg` (the document holds inline SVG).
    var properties: [String] = []
    var inSpine: Bool
}

/// A table-of-contents entry. An entry without `href` is a heading that only groups its children
/// (the collection's categories).
struct TOCEntry {
    var title: String
    var href: String?
    var children: [TOCEntry] = []
}

/// A landmark (`epub:type` such as `bodymatter`, `toc`, `glossary`) pointing into the publication.
struct Landmark {
    var type: String
    var title: String
    var href: String
}

/// What the package document says about the publication.
struct BookMetadata {
    /// `urn:uuid:…`, deterministic (see `PublicationIdentifier`).
    var identifier: String
    var title: String
    /// BCP 47 tags; the first is the main language.
    var languages: [String]
    /// Newest review date: becomes `dcterms:modified` at midnight UTC, and the ZIP timestamps.
    var modified: Day
    /// The publisher setting (the editorial team): dc:creator and the accessibility certifier.
    var creator: String
    var publisher: String
    var subjects: [String]
    var description: String?
    /// The publication holds charts (inline SVG): decides the visual access mode and the alt-text features.
    var hasCharts: Bool
    /// The publication's own words (navigation, title page, accessibility summary) and their direction.
    var words: Messages
}
