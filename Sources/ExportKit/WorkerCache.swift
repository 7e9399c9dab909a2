/// Per-thread state an exporter keeps between summaries (a Pango font map, a parsed layout).
/// Each worker thread owns one; it is never shared across threads, which is why it is not `Sendable`.
public final class WorkerCache {
    /// A slot of one type: `WorkerCache.Key<FontSetup>("pdf.fonts", fontsFolder.path)`. Keys of different value
    /// types never meet, so a value always comes back as the type it was made as.
    public struct Key<Value>: Sendable {
        fileprivate let slot: Slot

        public init(_ name: String, _ qualifier: String = "") {
            slot = Slot(type: ObjectIdentifier(Value.self), name: name, qualifier: qualifier)
        }
    }

    fileprivate struct Slot: Hashable, Sendable {
        var type: ObjectIdentifier
        var name: String
        var qualifier: String
    }

    private var values: [Slot: Any] = [:]

    public init() {}

    /// The value in `key`'s slot, made by `make` the first time it is asked for on this thread.
    public func value<T>(_ key: Key<T>, make: () throws -> T) rethrows -> T {
        if let v = values[key.slot] { return v as! T }   // the slot's type is T by construction
        let v = try make()
        values[key.slot] = v
        return v
    }
}
