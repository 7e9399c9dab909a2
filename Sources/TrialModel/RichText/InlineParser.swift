/// Parses the source's tiny Markdown subset into `RichText`:
/// `*emphasis*`, `**strong**`, `[text](https://…)`, `[text](glossary:term-id)`, and `\` to escape `* [ ] \`.
/// Anything else is literal text; an unclosed `*` or `[` stays literal.
///
/// Linear in its input: every closing delimiter is looked up in tables built in one pass, instead of scanning
/// ahead from each opening one, and nesting deeper than `Limits.inlineNesting` is a problem, not recursion.
public enum InlineParser {
    public struct Problem: Sendable, Equatable {
        /// Offset in characters from the start of the parsed text.
        public var offset: Int
        public var message: String
    }

    public static func parse(_ source: String) -> (RichText, [Problem]) {
        var parser = Parser(Array(source))
        let nodes = parser.parse(0, parser.c.count, depth: 0)
        return (RichText(nodes), parser.problems)
    }

    public static func isAbsoluteHTTP(_ url: String) -> Bool {
        let lower = url.prefix(8).lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return false }
        let rest = url.drop(while: { $0 != ":" }).dropFirst(3)
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        // Brackets, parentheses and backslashes are markup around a link target: a target holding one could not
        // be written back unambiguously (found by the inline fuzzer). Percent-encode them (%5B, %28…).
        return !host.isEmpty && !url.contains(where: { $0.isWhitespace || "<>\"[]()\\".contains($0) })
    }

    private struct Parser {
        let c: [Character]
        /// Where the `**` search starting at each offset stops: the first unescaped `**`, or `c.count`.
        private let nextDouble: [Int]
        /// Where the single-`*` search starting at each offset stops, skipping `**` pairs and escapes.
        private let nextSingle: [Int]
        /// For each `[` met by an escape-aware left-to-right reading: its matching `]`, if any.
        private let closingBracket: [Int: Int]
        /// The first `)` at or after each offset (link targets have no escapes).
        private let nextParen: [Int]
        var problems: [Problem] = []
        private var reportedDepth = false

        init(_ c: [Character]) {
            self.c = c
            let n = c.count
            var double = [Int](repeating: n, count: n + 2)
            var single = [Int](repeating: n, count: n + 2)
            var paren = [Int](repeating: n, count: n + 2)
            var i = n - 1
            while i >= 0 {
                let star = c[i] == "*", nextStar = i + 1 < n && c[i + 1] == "*"
                if c[i] == "\\" {
                    double[i] = double[i + 2]; single[i] = single[i + 2]
                } else {
                    double[i] = star && nextStar ? i : double[i + 1]
                    single[i] = star ? (nextStar ? single[i + 2] : i) : single[i + 1]
                }
                paren[i] = c[i] == ")" ? i : paren[i + 1]
                i -= 1
            }
            var brackets: [Int: Int] = [:]
            var open: [Int] = []
            i = 0
            while i < n {
                switch c[i] {
                case "\\": i += 1
                case "[": open.append(i)
                case "]": if let o = open.popLast() { brackets[o] = i }
                default: break
                }
                i += 1
            }
            (nextDouble, nextSingle, nextParen, closingBracket) = (double, single, paren, brackets)
        }

        mutating func parse(_ start: Int, _ end: Int, depth: Int) -> [Inline] {
            if depth > Limits.inlineNesting {
                if !reportedDepth {
                    problems.append(Problem(offset: start, message: "emphasis and links are nested more than \(Limits.inlineNesting) levels deep"))
                    reportedDepth = true
                }
                return [.text(String(c[start..<end]))]
            }
            var out: [Inline] = []
            var text = ""
            func flush() {
                if !text.isEmpty { out.append(.text(text)); text = "" }
            }
            var i = start
            while i < end {
                let ch = c[i]
                if ch == "\\", i + 1 < end, "*[]\\()".contains(c[i + 1]) {
                    text.append(c[i + 1]); i += 2; continue
                }
                if ch == "*", i + 1 < end, c[i + 1] == "*", nextDouble[i + 2] + 2 <= end, nextDouble[i + 2] > i + 2,
                   canEnclose(i + 2, nextDouble[i + 2]) {
                    let close = nextDouble[i + 2]
                    flush()
                    out.append(.strong(parse(i + 2, close, depth: depth + 1)))
                    i = close + 2; continue
                }
                if ch == "*", nextSingle[i + 1] < end, nextSingle[i + 1] > i + 1, canEnclose(i + 1, nextSingle[i + 1]) {
                    let close = nextSingle[i + 1]
                    flush()
                    out.append(.emphasis(parse(i + 1, close, depth: depth + 1)))
                    i = close + 1; continue
                }
                if ch == "[", let link = link(at: i, end) {
                    flush()
                    let children = parse(i + 1, link.textEnd, depth: depth + 1)
                    out.append(node(link.target, children, at: i))
                    i = link.end; continue
                }
                text.append(ch); i += 1
            }
            flush()
            return out
        }

        /// Emphasis or strong content may not start or end with an unescaped `*`: `***a*` and `**a***` would be
        /// nodes the writer cannot spell back (found by the inline fuzzer); those stars stay literal instead.
        private func canEnclose(_ start: Int, _ end: Int) -> Bool {
            c[start] != "*" && !(c[end - 1] == "*" && (end - 2 < start || c[end - 2] != "\\"))
        }

        private mutating func node(_ target: String, _ children: [Inline], at offset: Int) -> Inline {
            if target.count > Limits.urlCharacters {
                problems.append(Problem(offset: offset, message: "link target is \(target.count) characters long; the limit is \(Limits.urlCharacters)"))
            }
            if target.hasPrefix("glossary:") {
                let id = String(target.dropFirst("glossary:".count))
                if id.isEmpty || !Slug.isValid(id) || id.utf8.count > Limits.idCharacters {
                    problems.append(Problem(offset: offset, message: "glossary reference '\(target.prefix(80))' needs a term id like glossary:hazard-ratio"))
                }
                return .term(id: id, children: children)
            }
            if !isAbsoluteHTTP(target) {
                problems.append(Problem(offset: offset, message: "link '\(target.prefix(80))' is not an absolute http(s) URL"))
            }
            return .link(url: target, children: children)
        }

        private func link(at open: Int, _ end: Int) -> (textEnd: Int, target: String, end: Int)? {
            guard let close = closingBracket[open], close + 1 < end, c[close + 1] == "(" else { return nil }
            let paren = nextParen[close + 2]
            guard paren < end else { return nil }
            return (close, String(c[(close + 2)..<paren]), paren + 1)
        }
    }
}
