/// What a format is, as data apart from its rendering code.
public struct FormatInfo: Sendable, Equatable {
    /// Name on the command line (its command) and in `--formats`: `pdf`, `epub`, `digest`, `jsonld`.
    public var name: String
    public var title: String
    public var mediaType: String
    /// Whether `renderCollection` writes anything (collection EPUB, digest message, collection JSON-LD); the batch
    /// engine plans no collection job for formats without one.
    public var hasCollection: Bool
    /// One line for the format's command in `--help`, e.g. "Export PDF patient handouts."
    public var abstract: String

    public init(name: String, title: String, mediaType: String, hasCollection: Bool, abstract: String? = nil) {
        self.name = name
        self.title = title
        self.mediaType = mediaType
        self.hasCollection = hasCollection
        self.abstract = abstract ?? "Export \(title)."
    }

    /// Every output of the format lies under this folder of the output folder: `pdf/a4/patina.pdf`.
    public var folder: String { name }

    /// `file` inside the format's folder (and the variant's, when there is one): `pdf/a4/patina.pdf`.
    public func outputPath(_ file: String, variant: String = "") -> String {
        variant.isEmpty ? "\(folder)/\(file)" : "\(folder)/\(variant)/\(file)"
    }
}
