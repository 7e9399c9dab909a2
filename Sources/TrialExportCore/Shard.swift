import TrialModel

/// One of N deterministic slices of a library, so a job array can split a large library across machines.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// 1-based.
    public var index: Int
    public var count: Int

    /// Parses `K/N` with 1 ≤ K ≤ N.
    public init?(_ text: String) {
        let p = text.split(separator: "/")
        guard p.count == 2, let k = Int(p[0]), let n = Int(p[1]), n >= 1, (1...n).contains(k) else { return nil }
        index = k
        count = n
    }

    public var description: String { "\(index)/\(count)" }

    /// Whether this shard owns the summary: FNV-1a of the id, so the split never depends on file order or machine.
    public func contains(id: String) -> Bool {
        var h = FNV1a64()
        h.mix(id.utf8)
        return Int(h.value % UInt64(count)) == index - 1
    }
}
