/// Writes `RichText` back to the source syntax `InlineParser` reads, so model → YAML → model is lossless.
public enum InlineWriter {
    public static func source(_ text: RichText) -> String { write(text.inlines) }

    private static func write(_ nodes: [Inline]) -> String {
        nodes.map { node -> String in
            switch node {
            case .text(let s): escape(s)
            case .emphasis(let c): "*" + write(c) + "*"
            case .strong(let c): "**" + write(c) + "**"
            case .link(let url, let c): "[" + write(c) + "](" + url.replacingOccurrences(of: ")", with: "%29") + ")"
            case .term(let id, let c): "[" + write(c) + "](glossary:" + id + ")"
            }
        }.joined()
    }

    private static func escape(_ s: String) -> String {
        var out = ""
        for ch in s {
            if "\\*[]".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }
}
