import TrialModel

extension Day {
    /// `2026-06-01T00:00:00Z`, the form `dcterms:modified` requires.
    var epubTimestamp: String { "\(description)T00:00:00Z" }
}
