/// What a format is, as data apart from its rendering code.
public struct FormatInfo: Sendable, Equatable {
    /// Name on the command line and in `--formats`: `pdf`, `epub`, `digest`, `jsonld`.
    public var name: String
    public var title: String
    public var mediaType: String

    public init(name: String, title: String, mediaType: String) {
        self.name = name
        self.title = title
        self.mediaType = mediaType
    }
}
