/// Per-thread state an exporter keeps between summaries (a Pango font map, a parsed layout).
/// Each worker thread owns one; it is never shared across threads, which is why it is not `Sendable`.
public final class WorkerCache {
    private var values: [String: Any] = [:]

    public init() {}

    public func value<T>(_ key: String, make: () throws -> T) rethrows -> T {
        if let v = values[key] as? T { return v }
        let v = try make()
        values[key] = v
        return v
    }
}
