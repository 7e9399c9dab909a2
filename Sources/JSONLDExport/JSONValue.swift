import Foundation

/// A JSON value as the graph builders produce it. Typed rather than `[String: Any]` so that nodes are
/// `Equatable` in tests and nothing but strings, integers, arrays and objects can reach the serializer
/// (no floating point, hence no NaN or locale-dependent number text). Encoded with `JSONEncoder`, which on
/// Linux is several times faster than `JSONSerialization` (no bridging to NSDictionary/NSNumber).
public indirect enum JSONValue: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case array([JSONValue])
    case object([String: JSONValue])

    public subscript(key: String) -> JSONValue? {
        if case .object(let f) = self { return f[key] }
        return nil
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .integer(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

extension JSONValue: Codable {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .string(let s): try c.encode(s)
        case .integer(let n): try c.encode(n)
        case .array(let items): try c.encode(items)
        case .object(let fields): try c.encode(fields)
        }
    }

    /// Reads any JSON the exporter can write; fractional numbers, booleans and null are rejected as foreign.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let s = try? c.decode(String.self) { self = .string(s) }
        else if let n = try? c.decode(Int.self) { self = .integer(n) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else if let o = try? c.decode([String: JSONValue].self) { self = .object(o) }
        else { throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a string, integer, array or object") }
    }
}
