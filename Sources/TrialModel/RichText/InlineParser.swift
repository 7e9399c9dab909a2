/// Parses the source's tiny Markdown subset into `RichText`:
/// `*emphasis*`, `**strong**`, `[text](https://…)`, `[text](glossary:term-id)`, and `\` to escape `* [ ] \`.
/// Anything else is literal text; an unclosed `*` or `[` stays literal.
public enum InlineParser {
    public struct Problem: Sendable, Equatable {
        /// Offset in characters from the start of the parsed text.
        public var offset: Int
        public var message: String
    }

    public static func parse(_ source: String) -> (RichText, [Problem]) {
        var problems: [Problem] = []
        let chars = Array(source)
        let nodes = parse(chars, 0, chars.count, &problems)
        return (RichText(nodes), problems)
    }

    private static func parse(_ c: [Character], _ start: Int, _ end: Int, _ problems: inout [Problem]) -> [Inline] {
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
            if ch == "*", i + 1 < end, c[i + 1] == "*", let close = find("**", in: c, from: i + 2, to: end), close > i + 2 {
                flush()
                out.append(.strong(parse(c, i + 2, close, &problems)))
                i = close + 2; continue
            }
            if ch == "*", let close = findSingleStar(in: c, from: i + 1, to: end), close > i + 1 {
                flush()
                out.append(.emphasis(parse(c, i + 1, close, &problems)))
                i = close + 1; continue
            }
            if ch == "[", let link = parseLink(c, i, end) {
                flush()
                let children = parse(c, i + 1, link.textEnd, &problems)
                if link.target.hasPrefix("glossary:") {
                    let id = String(link.target.dropFirst("glossary:".count))
                    if id.isEmpty || !Slug.isValid(id) {
                        problems.append(Problem(offset: i, message: "glossary reference '\(link.target)' needs a term id like glossary:hazard-ratio"))
                    }
                    out.append(.term(id: id, children: children))
                } else {
                    if !isAbsoluteHTTP(link.target) {
                        problems.append(Problem(offset: i, message: "link '\(link.target)' is not an absolute http(s) URL"))
                    }
                    out.append(.link(url: link.target, children: children))
                }
                i = link.end; continue
            }
            text.append(ch); i += 1
        }
        flush()
        return out
    }

    public static func isAbsoluteHTTP(_ url: String) -> Bool {
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return false }
        let rest = url.drop(while: { $0 != ":" }).dropFirst(3)
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return !host.isEmpty && !url.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" })
    }

    private static func find(_ delim: String, in c: [Character], from: Int, to end: Int) -> Int? {
        let d = Array(delim)
        var i = from
        while i + d.count <= end {
            if c[i] == "\\" { i += 2; continue }
            if Array(c[i..<(i + d.count)]) == d { return i }
            i += 1
        }
        return nil
    }

    /// A `*` that is not half of `**`.
    private static func findSingleStar(in c: [Character], from: Int, to end: Int) -> Int? {
        var i = from
        while i < end {
            if c[i] == "\\" { i += 2; continue }
            if c[i] == "*" {
                if i + 1 < end, c[i + 1] == "*" { i += 2; continue }
                return i
            }
            i += 1
        }
        return nil
    }

    private static func parseLink(_ c: [Character], _ open: Int, _ end: Int) -> (textEnd: Int, target: String, end: Int)? {
        var depth = 0
        var i = open + 1
        while i < end {
            if c[i] == "\\" { i += 2; continue }
            if c[i] == "[" { depth += 1 }
            if c[i] == "]" {
                if depth == 0 { break }
                depth -= 1
            }
            i += 1
        }
        guard i < end, i + 1 < end, c[i + 1] == "(" else { return nil }
        let textEnd = i
        var j = i + 2
        var target = ""
        while j < end, c[j] != ")" { target.append(c[j]); j += 1 }
        guard j < end else { return nil }
        return (textEnd, target, j + 1)
    }
}
