import Yams

/// Where each field of a summary source is, by the field path diagnostics use (`outcomes[0].values.palbo`),
/// for checks that run on the model after loading (lint, the registry cross-check) and still report file:line:col.
/// Recorded, when asked, from the node tree the reader already composed (`LoadedSummary.positions`), so those
/// checks do not compose the YAML a second time.
public struct FieldPositions: Sendable, Equatable {
    public struct Position: Sendable, Equatable { public var line: Int; public var column: Int }
    private var positions: [String: Position] = [:]

    /// Parses `yaml` for its positions; for a summary that was not loaded by `SummaryReader`.
    public init(yaml: String) {
        guard let root = try? Yams.compose(yaml: yaml, .basic) else { return }
        walk(root, path: "")
    }

    init(root: Node) { walk(root, path: "") }

    /// The field's position, or its nearest written ancestor's (a missing field is reported where it belongs).
    public func position(of path: String) -> Position {
        var p = Substring(path)
        while !p.isEmpty {
            if let found = positions[String(p)] { return found }
            guard let cut = p.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            p = p[..<cut]
        }
        return positions[""] ?? Position(line: 1, column: 1)
    }

    // Paths joined with `+`, not interpolation: this walk runs over every node of every summary loaded.
    private mutating func walk(_ node: Node, path: String) {
        let mark = node.mark
        positions[path] = Position(line: mark?.line ?? 1, column: mark?.column ?? 1)
        switch node {
        case .mapping(let m):
            for (k, v) in m {
                let key = k.string ?? ""
                walk(DraftMarker.keyedByArm.contains(key) ? v : DraftMarker.inner(v) ?? v, path: path.isEmpty ? key : path + "." + key)
            }
        case .sequence(let s):
            var i = 0
            for item in s {
                walk(DraftMarker.inner(item) ?? item, path: path + "[" + String(i) + "]")
                i += 1
            }
        default: break
        }
    }
}
