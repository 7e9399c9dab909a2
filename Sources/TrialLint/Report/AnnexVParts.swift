import Foundation

/// Each Annex V list's items as the JSON writer writes them in a lint report, kept by list: a library's
/// summaries share a handful of lists (18 among the 1,000 samples), and writing the ten items was a fifth of
/// writing each report. A report's part is then written with two marker strings in place of its items, and the
/// items' bytes go where the markers were (`JSONSplice.Frame`), cut from a document the writer made for an
/// earlier report with the same list at the same depth. Nothing here writes a byte of JSON; when a cut fails its
/// check the report is written whole, as before.
final class AnnexVParts: @unchecked Sendable {
    static let shared = AnnexVParts()
    private var items: [[AnnexVItem]: [UInt8]] = [:]
    private let lock = NSLock()

    /// What `LintOutput.jsonEncoder()` writes for `["summaries": [r]]` (the kept items are that encoder's bytes);
    /// nil when `r` has no Annex V items (an empty list is written differently) or a frame cannot be cut.
    func document(_ r: LintReport) -> Data? {
        let encoder = LintOutput.jsonEncoder()
        guard !r.annexV.isEmpty,
              let frame = JSONSplice.Frame({ try encoder.encode(["summaries": [AnnexVMarked(report: r, markers: $0)]]) })
        else { return nil }
        if let known = lock.withLock({ items[r.annexV] }) {
            var doc = Data()
            doc.reserveCapacity(frame.head.count + known.count + frame.tail.count)
            doc.append(contentsOf: frame.head)
            doc.append(contentsOf: known)
            doc.append(contentsOf: frame.tail)
            return doc
        }
        guard let whole = try? encoder.encode(["summaries": [r]]) else { return nil }
        if let cut = frame.elements(of: whole) { lock.withLock { items[r.annexV] = cut } }
        return whole
    }
}

/// A report written with the given strings in place of its Annex V items.
struct AnnexVMarked: Encodable {
    var report: LintReport
    var markers: [String]

    func encode(to encoder: any Encoder) throws { try report.encode(to: encoder, annexVMarkers: markers) }
}
