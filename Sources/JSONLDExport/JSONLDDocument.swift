import Foundation

/// A JSON-LD document: one `@context` (schema.org) and one `@graph`. Serialized by `JSONEncoder` with
/// sorted keys; the graph order comes from `GraphBuilder`, so equal input gives equal bytes.
public struct JSONLDDocument: Sendable, Equatable {
    public var graph: [JSONValue]

    public init(graph: [JSONValue]) { self.graph = graph }

    public var json: JSONValue { ["@context": .string(SchemaOrg.context), "@graph": .array(graph)] }

    /// UTF-8 JSON, pretty-printed (readable diffs of the golden file), ending in a newline.
    public func serialized() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = try encoder.encode(json)
        data.append(0x0A)
        return data
    }

    /// Parses a serialized document back (for tests and for checking what a snippet carries).
    public static func parse(_ data: Data) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: data)
    }
}
