/// Every non-ASCII scalar in the strings (values and keys) of an `Encodable` value, in first-seen order.
///
/// Visits what `JSONEncoder` would write, without building JSON. A summary's set is a derived view
/// (`LoadedSummary.nonASCIIScalars`, worked out once): the PDF's glyph check asks it first and runs its JSON-based
/// search only when some scalar has no glyph, and every handout's choice of script fonts reads it.
public final class NonASCIIScalars: Encoder {
    private(set) var scalars: [Unicode.Scalar] = []
    private var seen = Set<UInt32>()

    public var codingPath: [any CodingKey] { [] }
    public var userInfo: [CodingUserInfoKey: Any] { [:] }

    public static func of(_ value: some Encodable) throws -> [Unicode.Scalar] {
        let collector = NonASCIIScalars()
        try value.encode(to: collector)
        return collector.scalars
    }

    fileprivate func add(_ s: String) {
        // Most strings are ASCII: check the bytes before decoding scalars.
        guard s.utf8.contains(where: { $0 >= 0x80 }) else { return }
        for u in s.unicodeScalars where u.value >= 0x80 && seen.insert(u.value).inserted { scalars.append(u) }
    }

    public func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(Keyed<Key>(collector: self))
    }
    public func unkeyedContainer() -> any UnkeyedEncodingContainer { Unkeyed(collector: self) }
    public func singleValueContainer() -> any SingleValueEncodingContainer { Single(collector: self) }

    private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let collector: NonASCIIScalars
        var codingPath: [any CodingKey] { [] }
        mutating func encodeNil(forKey key: Key) throws { collector.add(key.stringValue) }
        mutating func encode(_ value: String, forKey key: Key) throws {
            collector.add(key.stringValue)
            collector.add(value)
        }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            collector.add(key.stringValue)
            try value.encode(to: collector)
        }
        // Numbers and booleans hold no text; their keys still count (a dictionary's keys are its strings).
        mutating func encode(_ value: Bool, forKey key: Key) throws { collector.add(key.stringValue) }
        mutating func encode(_ value: Double, forKey key: Key) throws { collector.add(key.stringValue) }
        mutating func encode(_ value: Float, forKey key: Key) throws { collector.add(key.stringValue) }
        mutating func encode(_ value: Int, forKey key: Key) throws { collector.add(key.stringValue) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { collector.add(key.stringValue) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { collector.add(key.stringValue) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { collector.add(key.stringValue) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { collector.add(key.stringValue) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { collector.add(key.stringValue) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { collector.add(key.stringValue) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { collector.add(key.stringValue) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { collector.add(key.stringValue) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { collector.add(key.stringValue) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
            -> KeyedEncodingContainer<NestedKey> {
            collector.add(key.stringValue)
            return collector.container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            collector.add(key.stringValue)
            return collector.unkeyedContainer()
        }
        mutating func superEncoder() -> any Encoder { collector }
        mutating func superEncoder(forKey key: Key) -> any Encoder {
            collector.add(key.stringValue)
            return collector
        }
    }

    private struct Unkeyed: UnkeyedEncodingContainer {
        let collector: NonASCIIScalars
        var codingPath: [any CodingKey] { [] }
        private(set) var count = 0
        init(collector: NonASCIIScalars) { self.collector = collector }
        mutating func encodeNil() throws { count += 1 }
        mutating func encode(_ value: String) throws { count += 1; collector.add(value) }
        mutating func encode<T: Encodable>(_ value: T) throws { count += 1; try value.encode(to: collector) }
        mutating func encode(_ value: Bool) throws { count += 1 }
        mutating func encode(_ value: Double) throws { count += 1 }
        mutating func encode(_ value: Float) throws { count += 1 }
        mutating func encode(_ value: Int) throws { count += 1 }
        mutating func encode(_ value: Int8) throws { count += 1 }
        mutating func encode(_ value: Int16) throws { count += 1 }
        mutating func encode(_ value: Int32) throws { count += 1 }
        mutating func encode(_ value: Int64) throws { count += 1 }
        mutating func encode(_ value: UInt) throws { count += 1 }
        mutating func encode(_ value: UInt8) throws { count += 1 }
        mutating func encode(_ value: UInt16) throws { count += 1 }
        mutating func encode(_ value: UInt32) throws { count += 1 }
        mutating func encode(_ value: UInt64) throws { count += 1 }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            count += 1
            return collector.container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            count += 1
            return collector.unkeyedContainer()
        }
        mutating func superEncoder() -> any Encoder { collector }
    }

    private struct Single: SingleValueEncodingContainer {
        let collector: NonASCIIScalars
        var codingPath: [any CodingKey] { [] }
        mutating func encodeNil() throws {}
        mutating func encode(_ value: String) throws { collector.add(value) }
        mutating func encode<T: Encodable>(_ value: T) throws { try value.encode(to: collector) }
        mutating func encode(_ value: Bool) throws {}
        mutating func encode(_ value: Double) throws {}
        mutating func encode(_ value: Float) throws {}
        mutating func encode(_ value: Int) throws {}
        mutating func encode(_ value: Int8) throws {}
        mutating func encode(_ value: Int16) throws {}
        mutating func encode(_ value: Int32) throws {}
        mutating func encode(_ value: Int64) throws {}
        mutating func encode(_ value: UInt) throws {}
        mutating func encode(_ value: UInt8) throws {}
        mutating func encode(_ value: UInt16) throws {}
        mutating func encode(_ value: UInt32) throws {}
        mutating func encode(_ value: UInt64) throws {}
    }
}
