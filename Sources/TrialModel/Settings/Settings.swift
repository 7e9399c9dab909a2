/// Project settings from `trialexport.yaml`. Every field has a documented default.
public struct Settings: Sendable, Equatable, Codable {
    public var siteName: String
    public var publisher: String
    /// Absolute base URL ending in `/`; a summary's page is `baseURL + id`.
    public var baseURL: String
    public var newsletter: Newsletter
    /// PDF layouts `trialexport all` renders.
    public var pdfLayouts: [String]
    /// Targets and levels for `trialexport lint`.
    public var lint: LintSettings = .defaults

    public struct Newsletter: Sendable, Equatable, Codable {
        /// `From` header, e.g. `Clear Trials <newsletter@cleartrials.example.org>`.
        public var from: String
        /// The list address, used as `To`.
        public var listAddress: String
        /// RFC 2919 list id, e.g. `summaries.cleartrials.example.org`.
        public var listID: String
        public var unsubscribeURL: String
        public var unsubscribeMailto: String
        public var subject: String
    }

    public static let defaults = Settings(
        siteName: "Clear Trials",
        publisher: "Clear Trials editorial team",
        baseURL: "https://cleartrials.example.org/summaries/",
        newsletter: Newsletter(
            from: "Clear Trials <newsletter@cleartrials.example.org>",
            listAddress: "readers@lists.cleartrials.example.org",
            listID: "summaries.cleartrials.example.org",
            unsubscribeURL: "https://cleartrials.example.org/newsletter/unsubscribe",
            unsubscribeMailto: "mailto:unsubscribe@lists.cleartrials.example.org?subject=unsubscribe",
            subject: "New trial summaries"),
        pdfLayouts: ["a4", "large-print", "brief-a4"])

    /// The web page of a summary.
    public func pageURL(for id: String) -> String { baseURL + id }
}
