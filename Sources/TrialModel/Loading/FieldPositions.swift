/// Where each field of a summary source is, by the field path diagnostics use (`outcomes[0].values.palbo`),
/// for checks that run on the model after loading (lint, the registry cross-check) and still report file:line:col.
/// Kept, when asked, as the node tree the reader already composed (`LoadedSummary.positions`), so those checks do
/// not compose the YAML a second time; a path is found by following its keys and indexes through the tree, and
/// only the few fields that get a finding are looked up (a table of every node's path cost a tenth of lint).
public struct FieldPositions: Sendable, Equatable {
    public struct Position: Sendable, Equatable { public var line: Int; public var column: Int }
    private let root: SourceNode?
    /// Every node's position by path, built only when a key is empty or holds `.`, `[` or `]`: then two nodes can
    /// share a path, and the table (the last node written wins) decides as it always did.
    private let table: [String: Position]?

    /// Parses `yaml` for its positions; for a summary that was not loaded by `SummaryReader`.
    public init(yaml: String) {
        self.init(root: (try? SourceComposer.compose(yaml: yaml))?.root)
    }

    init(root: SourceNode?) {
        self.root = root
        table = root.flatMap { Self.hasAmbiguousKeys($0.tree) ? Self.allPositions($0) : nil }
    }

    /// The field's position, or its nearest written ancestor's (a missing field is reported where it belongs).
    public func position(of path: String) -> Position {
        var p = Substring(path)
        while !p.isEmpty {
            if let found = find(p) { return found }
            guard let cut = p.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            p = p[..<cut]
        }
        if let table { return table[""] ?? Position(line: 1, column: 1) }
        return root.map { Position(line: $0.line, column: $0.column) } ?? Position(line: 1, column: 1)
    }

    public static func == (a: FieldPositions, b: FieldPositions) -> Bool {
        a.everyPosition == b.everyPosition
    }

    private var everyPosition: [String: Position] {
        table ?? root.map(Self.allPositions) ?? [:]
    }

    /// The node a path names, reading the path as the walk below writes it: a key or `[n]` first, then `.key` or
    /// `[n]`; drafts unwrapped as the reader unwraps them.
    private func find(_ path: Substring) -> Position? {
        if let table { return table[String(path)] }
        guard var node = root else { return nil }
        var rest = path[...]
        var first = true
        while !rest.isEmpty {
            if rest.first == "[" {
                guard let close = rest.firstIndex(of: "]") else { return nil }
                let digits = rest[rest.index(after: rest.startIndex)..<close]
                guard let n = Int(digits), String(n) == digits, case .sequence(let s) = node.content, n < s.count else { return nil }
                node = DraftMarker.inner(s[n]) ?? s[n]
                rest = rest[rest.index(after: close)...]
            } else {
                if !first {
                    guard rest.first == "." else { return nil }
                    rest = rest.dropFirst()
                }
                let end = rest.firstIndex { $0 == "." || $0 == "[" } ?? rest.endIndex
                let key = rest[..<end]
                guard !key.isEmpty, !key.contains("]"), case .mapping(let m) = node.content,
                      let v = m.first(where: { $0.key.string.map { $0 == key } ?? false })?.value else { return nil }
                node = DraftMarker.keyedByArm.contains(String(key)) ? v : DraftMarker.inner(v) ?? v
                rest = rest[end...]
            }
            first = false
        }
        return Position(line: node.line, column: node.column)
    }

    private static func hasAmbiguousKeys(_ tree: SourceTree) -> Bool {
        for item in tree.items where item.kind == .mapping {
            var k = item.first
            while k < item.first + item.count {
                let key = tree.items[tree.children[k]]
                guard key.kind == .scalar else { return true }
                var s = tree.strings[key.first]
                if s.isEmpty || s.withUTF8({ $0.contains { $0 == 0x2E || $0 == 0x5B || $0 == 0x5D } }) { return true }
                k += 2
            }
        }
        return false
    }

    private static func allPositions(_ root: SourceNode) -> [String: Position] {
        var positions: [String: Position] = [:]
        walk(root, path: "", into: &positions)
        return positions
    }

    // Paths joined with `+`, not interpolation: this walk runs over every node.
    private static func walk(_ node: SourceNode, path: String, into positions: inout [String: Position]) {
        positions[path] = Position(line: node.line, column: node.column)
        switch node.content {
        case .mapping(let m):
            for (k, v) in m {
                let key = k.string ?? ""
                walk(DraftMarker.keyedByArm.contains(key) ? v : DraftMarker.inner(v) ?? v, path: path.isEmpty ? key : path + "." + key,
                     into: &positions)
            }
        case .sequence(let s):
            var i = 0
            for item in s {
                walk(DraftMarker.inner(item) ?? item, path: path + "[" + String(i) + "]", into: &positions)
                i += 1
            }
        default: break
        }
    }
}
