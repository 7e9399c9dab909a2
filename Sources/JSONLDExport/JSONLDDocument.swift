import Foundation

/// A JSON-LD document: one `@context` (schema.org) and one `@graph`. Serialized by `JSONSerialization` with
/// sorted keys; the graph order comes from `GraphBuilder`, so equal input gives equal bytes.
public struct JSONLDDocument: Sendable, Equatable {
    public var graph: [JSONValue]

    public init(graph: [JSONValue]) { self.graph = graph }

    public var json: JSONValue { ["@context": .string(SchemaOrg.context), "@graph": .array(graph)] }

    /// UTF-8 JSON, pretty-printed (readable diffs of the golden file), ending in a newline.
    public func serialized() throws -> Data {
        var data = try JSONSerialization.data(withJSONObject: json.foundationObject,
                                              options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        data.append(0x0A)
        return data
    }

    /// Parses a serialized document back (for tests and for checking what a snippet carries).
    public static func parse(_ data: Data) throws -> JSONValue {
        let object = try JSONSerialization.jsonObject(with: data)
        guard let value = JSONValue(foundationObject: object) else {
            throw CocoaError(.propertyListReadCorrupt, userInfo: [NSDebugDescriptionErrorKey: "not exporter-shaped JSON"])
        }
        return value
    }
}
