import TrialModel
/// Plain text as logical lines, rendered two ways from the same content:
/// `wrapped` for the `.txt` files (hard line breaks at 72 columns), and `canonical` for the email body,
/// where each paragraph is one line that format=flowed then wraps with soft breaks, so the reader's
/// client can reflow it. Decoding the flowed body gives `canonical` back exactly.
struct TextDocument: Sendable, Equatable {
    enum Line: Sendable, Equatable {
        /// Written as is in both renderings: headings (pre-wrapped), underlines, bars, URLs, blank lines.
        case fixed(String)
        /// Reflowable text; `first` starts its first line, `rest` the continuation lines of `.txt`.
        case paragraph(String, first: String, rest: String)
    }

    static let width = 72

    private(set) var lines: [Line] = []

    mutating func fixed(_ s: String) { lines.append(.fixed(TextWrap.trimTrailingSpaces(s))) }

    /// The signature separator `-- ` (RFC 3676 §4.3): the one line that keeps its trailing space.
    mutating func signatureSeparator() { lines.append(.fixed(FormatFlowed.signatureSeparator)) }

    mutating func paragraph(_ text: String, first: String = "", rest: String = "") {
        let clean = PlainText.clean(text)
        guard !clean.isEmpty else { return }
        lines.append(.paragraph(clean, first: first, rest: rest))
    }

    /// One empty line, never two in a row and never at the top.
    mutating func blank() {
        guard let last = lines.last, last != .fixed("") else { return }
        lines.append(.fixed(""))
    }

    /// A heading: the text wrapped to the width with hard breaks, underlined with `mark` as wide as its
    /// widest line (`=` for titles, `-` for sections). `nil` mark: a minor heading without underline.
    mutating func heading(_ text: String, underline mark: Character?) {
        blank()
        let wrapped = TextWrap.wrap(PlainText.clean(text), width: Self.width)
        wrapped.forEach { fixed($0) }
        if let mark {
            let w = min(Self.width, wrapped.map { TextWidth.of($0) }.max() ?? 0)
            fixed(String(repeating: mark, count: max(3, w)))
        }
    }

    mutating func append(_ other: TextDocument) { lines += other.lines }

    /// Lines for the `.txt` file.
    var wrappedLines: [String] {
        var out: [String] = []
        for line in trimmed {
            switch line {
            case .fixed(let s): out.append(s)
            case .paragraph(let text, let first, let rest): out += TextWrap.wrap(text, width: Self.width, first: first, rest: rest)
            }
        }
        return out
    }

    /// One line per paragraph: what format=flowed carries and what decoding it must give back.
    var canonicalLines: [String] {
        trimmed.map { line in
            switch line {
            case .fixed(let s): s
            case .paragraph(let text, let first, _): TextWrap.trimTrailingSpaces(first + text)
            }
        }
    }

    /// Without blank lines at the end.
    private var trimmed: ArraySlice<Line> {
        var s = lines[...]
        while s.last == .fixed("") { s = s.dropLast() }
        return s
    }
}

/// Cleaning of text before it reaches plain-text output.
enum PlainText {
    /// Control characters and line/paragraph separators become spaces (a title with a line break must not
    /// start a line of its own: in the body it could fake a signature or a header-like line), and
    /// space runs collapse, so the only line breaks are the ones the renderer writes.
    static func clean(_ s: String) -> String {
        HeaderText.sanitize(s)
    }
}
