/// What a format is, as data apart from its rendering code.
public struct FormatInfo: Sendable, Equatable {
    /// Name on the command line and in `--formats`: `pdf`, `epub`, `digest`, `jsonld`.
    public var name: String
    public var title: String
    public var mediaType: String
    /// Whether `renderCollection` writes anything (collection EPUB, digest message, collection JSON-LD); the batch
    /// engine plans no collection job for formats without one.
    public var hasCollection: Bool

    public init(name: String, title: String, mediaType: String, hasCollection: Bool) {
        self.name = name
        self.title = title
        self.mediaType = mediaType
        self.hasCollection = hasCollection
    }
}
