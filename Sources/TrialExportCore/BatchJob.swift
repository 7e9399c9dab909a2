import ExportKit
import TrialModel

/// One unit of work: a summary in one format and variant, or one format's collection outputs.
struct BatchJob: Sendable {
    enum Kind: Sendable {
        case summary(LoadedSummary)
        /// The library, and how many of its sources were left unparsed (then only a current collection can be kept).
        case collection([LoadedSummary], unparsed: Int)
    }

    var exporter: any Exporter
    var format: String
    var variant: String
    var kind: Kind
    var inputHash: String

    var summaryID: String {
        if case .summary(let s) = kind { return s.id }
        return ""
    }

    var label: String {
        let what = summaryID.isEmpty ? "collection" : summaryID
        return variant.isEmpty ? "\(format) \(what)" : "\(format)/\(variant) \(what)"
    }
}
