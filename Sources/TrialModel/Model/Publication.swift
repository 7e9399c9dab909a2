/// Where the trial's results were published.
public struct Publication: Sendable, Codable, Equatable {
    /// Full journal name, e.g. "The New England Journal of Medicine".
    public var journal: String
    /// Short form patients see on the site, e.g. "NEJM".
    public var journalShort: String?
    public var year: Int
    public var title: String?
    public var date: Day?
    /// Bare DOI (`10.1056/…`), without the resolver prefix.
    public var doi: String?
    public var url: String?

    public init(journal: String, journalShort: String? = nil, year: Int, title: String? = nil, date: Day? = nil,
                doi: String? = nil, url: String? = nil) {
        self.journal = journal
        self.journalShort = journalShort
        self.year = year
        self.title = title
        self.date = date
        self.doi = doi
        self.url = url
    }

    /// "NEJM, 2026".
    public var citation: String { "\(journalShort ?? journal), \(year)" }

    /// The link readers should follow: the DOI resolver when there is a DOI, else the given URL.
    public var link: String? { doi.map { "https://doi.org/\($0)" } ?? url }
}
