import Foundation

/// A JSON value as the graph builders produce it. Typed rather than `[String: Any]` so that nodes are
/// `Equatable` in tests and nothing but strings, integers, arrays and objects can reach the serializer
/// (no floating point, hence no NaN or locale-dependent number text).
public indirect enum JSONValue: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The Foundation object graph `JSONSerialization` accepts.
    var foundationObject: Any {
        switch self {
        case .string(let s): s
        case .integer(let n): n
        case .array(let items): items.map(\.foundationObject)
        case .object(let fields): fields.mapValues(\.foundationObject)
        }
    }

    /// Reads back what `JSONSerialization` parsed (used by tests to compare round trips).
    public init?(foundationObject o: Any) {
        switch o {
        case let s as String: self = .string(s)
        case let items as [Any]:
            var out: [JSONValue] = []
            for i in items { guard let v = JSONValue(foundationObject: i) else { return nil }; out.append(v) }
            self = .array(out)
        case let fields as [String: Any]:
            var out: [String: JSONValue] = [:]
            for (k, v) in fields { guard let j = JSONValue(foundationObject: v) else { return nil }; out[k] = j }
            self = .object(out)
        case let n as NSNumber:
            // The exporter writes integers only; anything fractional did not come from it.
            guard n.doubleValue == n.doubleValue.rounded() else { return nil }
            self = .integer(n.intValue)
        default: return nil
        }
    }

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
