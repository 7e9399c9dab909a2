import Yams

/// A field an editor still has to write or check: `title: {draft: "registry wording", note: "why"}`.
///
/// Any field's value can be wrapped this way. The wrapped value is read and checked as if written directly, so
/// a draft loads and exports; the field path goes to `Summary.drafts` and `validate` warns about it, located.
/// `lint` (not written yet) is to report drafts as errors, so nothing unreviewed is published by accident.
/// The JSON Schema does not accept the wrapper, so an editor's YAML language server flags drafts too.
public enum DraftMarker {
    public static let key = "draft"
    public static let noteKey = "note"

    /// The wrapped value when `node` is a draft wrapper.
    static func inner(_ node: SourceNode) -> SourceNode? {
        guard case .mapping(let m) = node.content, m.count <= 2,
              let inner = m.first(where: { $0.key.string == Self.key })?.value,
              m.allSatisfy({ [Self.key, Self.noteKey].contains($0.key.string ?? "") }) else { return nil }
        return inner
    }

    /// `values` and `counts` are mappings keyed by arm id, and `draft` is a valid arm id: never draft wrappers.
    static let keyedByArm: Set<String> = ["values", "counts"]

    static func unwrap(_ v: YAMLValue, key: String) -> YAMLValue {
        // The wrapper test first: it is a look at the node, and almost no value is a wrapper (the set look-up
        // hashed every key of every mapping).
        guard let inner = inner(v.source), !keyedByArm.contains(key), case .mapping(let m) = v.node else { return v }
        let note = m.first(where: { $0.key.string == Self.noteKey })?.value.string ?? ""
        v.log.markDraft(v.path, note: note)
        v.warning("draft: an editor must rewrite or check this before publishing" + (note.isEmpty ? "" : " (\(note))"))
        return YAMLValue(node: inner, path: v.path, log: v.log)
    }

    /// Wraps the nodes at the summary's draft paths, walking paths the way the reader names them.
    static func wrap(_ node: Node, drafts: [String: String], path: String = "") -> Node {
        guard !drafts.isEmpty else { return node }
        func child(_ n: Node, _ p: String) -> Node {
            let inner = wrap(n, drafts: drafts, path: p)
            guard let note = drafts[p] else { return inner }
            var pairs: [(Node, Node)] = [(Node(Self.key), inner)]
            if !note.isEmpty { pairs.append((Node(Self.noteKey), Node(note, Tag(.str), .doubleQuoted))) }
            return .mapping(.init(pairs, Tag(.implicit), .block))
        }
        switch node {
        case .mapping(let m):
            let pairs = m.map { k, v in
                let key = k.string ?? ""
                let p = path.isEmpty ? key : "\(path).\(key)"
                return (k, keyedByArm.contains(key) ? v : child(v, p))
            }
            return .mapping(.init(pairs, m.tag, m.style))
        case .sequence(let s):
            return .sequence(.init(s.enumerated().map { child($1, "\(path)[\($0)]") }, s.tag, s.style))
        default:
            return node
        }
    }
}
