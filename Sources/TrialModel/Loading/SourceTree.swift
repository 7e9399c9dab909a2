import Yams

/// A composed YAML document, every node in one flat array: reading a summary touches each node a few times, and
/// Yams's `Node` (an enum of structs holding a tag object, a mark and child arrays) cost a retain and release
/// per copy. A `SourceNode` is the tree plus an index.
public final class SourceTree: Sendable {
    struct Item {
        var kind: SourceNode.Kind
        var style: SourceNode.Style
        var line: Int
        var column: Int
        /// A scalar's index in `strings`; a collection's first entry in `children`.
        var first: Int
        /// A collection's number of entries in `children` (two per mapping pair).
        var count: Int
    }
    let items: [Item]
    let strings: [String]
    let children: [Int]
    let rootIndex: Int

    init(items: [Item], strings: [String], children: [Int], root: Int) {
        self.items = items
        self.strings = strings
        self.children = children
        rootIndex = root
    }

    public var root: SourceNode { SourceNode(tree: self, index: rootIndex) }

    /// A tree with Yams's node as its root (layouts and settings are composed by Yams; they are small).
    public convenience init(_ node: Node) {
        var b = Builder()
        let root = b.add(node)
        self.init(items: b.items, strings: b.strings, children: b.children, root: root)
    }

    /// Collects nodes children-first, so a collection's entries are contiguous and the root comes last.
    struct Builder {
        var items: [Item] = []
        var strings: [String] = []
        var children: [Int] = []

        mutating func scalar(_ s: String, style: SourceNode.Style, line: Int, column: Int) -> Int {
            strings.append(s)
            items.append(Item(kind: .scalar, style: style, line: line, column: column, first: strings.count - 1, count: 0))
            return items.count - 1
        }

        mutating func collection(_ kind: SourceNode.Kind, entries: ArraySlice<Int>, line: Int, column: Int) -> Int {
            items.append(Item(kind: kind, style: .any, line: line, column: column, first: children.count, count: entries.count))
            children.append(contentsOf: entries)
            return items.count - 1
        }

        mutating func add(_ node: Node) -> Int {
            let line = node.mark?.line ?? 1, column = node.mark?.column ?? 1
            switch node {
            case .scalar(let s):
                return scalar(s.string, style: SourceNode.Style(rawValue: UInt8(s.style.rawValue)) ?? .any, line: line, column: column)
            case .mapping(let m):
                var entries: [Int] = []
                for (k, v) in m { entries.append(add(k)); entries.append(add(v)) }
                return collection(.mapping, entries: entries[...], line: line, column: column)
            case .sequence(let s):
                let entries = s.map { add($0) }
                return collection(.sequence, entries: entries[...], line: line, column: column)
            case .alias:
                // Yams resolves aliases while composing; an unresolved one reads as an empty scalar.
                return scalar("", style: .plain, line: line, column: column)
            }
        }
    }
}

/// One node of a `SourceTree`.
public struct SourceNode: Sendable {
    let tree: SourceTree
    let index: Int

    enum Kind: UInt8 { case scalar, mapping, sequence }

    /// libyaml's scalar styles, with Yams's names.
    public enum Style: UInt8, Sendable { case any, plain, singleQuoted, doubleQuoted, literal, folded }

    public enum Content {
        case scalar(Scalar)
        case mapping(Mapping)
        case sequence(Sequence)
    }

    public struct Scalar {
        public let string: String
        public let style: Style
    }

    /// Key/value pairs in source order.
    public struct Mapping: RandomAccessCollection {
        let tree: SourceTree
        let first: Int
        public let count: Int
        public var startIndex: Int { 0 }
        public var endIndex: Int { count }
        public subscript(i: Int) -> (key: SourceNode, value: SourceNode) {
            (SourceNode(tree: tree, index: tree.children[first + 2 * i]), SourceNode(tree: tree, index: tree.children[first + 2 * i + 1]))
        }
    }

    public struct Sequence: RandomAccessCollection {
        let tree: SourceTree
        let first: Int
        public let count: Int
        public var startIndex: Int { 0 }
        public var endIndex: Int { count }
        public subscript(i: Int) -> SourceNode { SourceNode(tree: tree, index: tree.children[first + i]) }
    }

    var item: SourceTree.Item { tree.items[index] }
    public var line: Int { item.line }
    public var column: Int { item.column }

    public var content: Content {
        let it = item
        switch it.kind {
        case .scalar: return .scalar(Scalar(string: tree.strings[it.first], style: it.style))
        case .mapping: return .mapping(Mapping(tree: tree, first: it.first, count: it.count / 2))
        case .sequence: return .sequence(Sequence(tree: tree, first: it.first, count: it.count))
        }
    }

    /// A scalar's text; nil for a mapping or a list.
    public var string: String? {
        let it = item
        return it.kind == .scalar ? tree.strings[it.first] : nil
    }
}
