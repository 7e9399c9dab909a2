import TrialModel

/// Numbered link references of one summary: `[1]` in the text, `[1] https://…` listed at its end.
/// The same URL keeps its first number.
struct References: Sendable {
    private(set) var urls: [String] = []

    mutating func number(for url: String) -> Int {
        if let i = urls.firstIndex(of: url) { return i + 1 }
        urls.append(url)
        return urls.count
    }

    /// The list, one reference per line; a reference too long for the line puts its URL on a line of its
    /// own so it is not broken (unless it is longer than a mail line may be).
    func write(to doc: inout TextDocument) {
        guard !urls.isEmpty else { return }
        doc.blank()
        for (i, url) in urls.enumerated() {
            let label = "[\(i + 1)]"
            let clean = PlainText.clean(url)
            if TextWidth.of(label) + 1 + TextWidth.of(clean) <= TextDocument.width {
                doc.fixed(label + " " + clean)
            } else {
                doc.fixed(label)
                // Whole (clickable) up to the mail line limit; a longer URL is cut like any over-long word.
                for line in TextWrap.wrap(clean, width: TextDocument.width) { doc.fixed(line) }
            }
        }
    }
}

/// Rich text as plain text: emphasis and strong without markers (screen readers would read `*` aloud and
/// most clients show text/plain as is), glossary terms as their words (the glossary is listed at the
/// end), links as their text plus a reference number.
enum InlineText {
    static func render(_ text: RichText, _ refs: inout References) -> String {
        PlainText.clean(render(text.inlines, &refs))
    }

    private static func render(_ nodes: [Inline], _ refs: inout References) -> String {
        var out = ""
        for node in nodes {
            switch node {
            case .text(let s): out += s
            case .emphasis(let c), .strong(let c), .term(_, let c): out += render(c, &refs)
            case .link(let url, let c):
                let label = PlainText.clean(render(c, &refs))
                let n = refs.number(for: url)
                out += label.isEmpty || label == url ? "[\(n)]" : "\(label) [\(n)]"
            }
        }
        return out
    }
}
