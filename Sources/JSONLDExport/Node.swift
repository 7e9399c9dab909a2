/// One JSON-LD node object under construction. Setters skip absent and empty values, so builders can pass
/// optional model fields straight through and the output never holds `""`, `[]` or `null`.
struct Node {
    private(set) var fields: [String: JSONValue]

    init(type: String, id: String? = nil) {
        fields = ["@type": .string(type)]
        if let id { fields["@id"] = .string(id) }
    }

    var id: String? { fields["@id"]?.stringValue }

    mutating func set(_ property: String, _ text: String?) {
        guard let text, !text.isEmpty else { return }
        fields[property] = .string(text)
    }

    mutating func set(_ property: String, _ value: JSONValue?) {
        guard let value else { return }
        if case .array(let items) = value, items.isEmpty { return }
        fields[property] = value
    }

    mutating func set(_ property: String, _ node: Node?) {
        guard let node else { return }
        fields[property] = node.json
    }

    /// Several values of one property, kept as an array even when there is one, so consumers see a stable shape.
    mutating func set(_ property: String, all values: [JSONValue]) {
        guard !values.isEmpty else { return }
        fields[property] = .array(values)
    }

    var json: JSONValue { .object(fields) }

    /// A reference to a node declared elsewhere in the graph (or a schema.org enumeration member).
    static func ref(_ id: String) -> JSONValue { ["@id": .string(id)] }
}
