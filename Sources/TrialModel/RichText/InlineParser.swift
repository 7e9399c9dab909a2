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

    public static func parse(_ source: String) -> (RichText, [Problem]) { parse(source, plainFastPath: true) }

    /// `plainFastPath: false` runs the parser on text without markup too, `bytePaths: false` on Characters
    /// whatever the text (tests compare them).
    static func parse(_ source: String, plainFastPath: Bool, bytePaths: Bool = true) -> (RichText, [Problem]) {
        // Without a `\`, `*` or `[` byte no Character can start markup: the parser would return the whole text
        // as one run (most paragraphs; building its tables was a third of reading rich text).
        if plainFastPath, !source.containsUTF8Byte(0x5C), !source.containsUTF8Byte(0x2A), !source.containsUTF8Byte(0x5B) {
            return (RichText(source), [])
        }
        // ASCII text without CR LF: every byte is one Character, and bytes are far cheaper to compare than
        // Characters (breaking into Characters was half of this parser's time). Both paths run the same code.
        if bytePaths, source.isASCIIText, !source.containsUTF8Byte(0x0D) {
            var parser = Parser(Array(source.utf8))
            let nodes = parser.parse(0, parser.c.count, depth: 0)
            return (RichText(nodes), parser.problems)
        }
        // Other text whose markup bytes are each a Character of their own (no mark joins them, nothing joins
        // them from before): the same reading on bytes, every unit between two markup bytes being text. Only
        // a problem's offset, counted in Characters, needs the Characters, and only of the text before it.
        if bytePaths, !source.containsUTF8Byte(0x0D), markupStandsAlone(source) {
            let bytes = Array(source.utf8)
            var parser = Parser(bytes)
            let nodes = parser.parse(0, parser.c.count, depth: 0)
            let problems = parser.problems.map {
                Problem(offset: String(decoding: bytes[..<$0.offset], as: UTF8.self).count, message: $0.message)
            }
            return (RichText(nodes), problems)
        }
        var parser = Parser(Array(source))
        let nodes = parser.parse(0, parser.c.count, depth: 0)
        return (RichText(nodes), parser.problems)
    }

    /// Whether every byte of `source` that can be markup (`* [ ] \ ( )`) is a Character of its own, decided
    /// without breaking the text into Characters: the scalar after it must be ASCII or a base of
    /// `KnownScalars` (a mark or joiner would join it), the one before it ASCII or known (only a Prepend
    /// character joins what follows). Any other neighbour sends the text to the Character path.
    static func markupStandsAlone(_ source: String) -> Bool {
        var text = source
        return text.withUTF8 { b in
            var previous: UInt32 = 0x20
            var afterMarkup = false
            var i = 0
            while i < b.count {
                let b0 = UInt32(b[i])
                var v = b0, length = 1
                if b0 >= 0xF0 { v = 0x10000; length = 4 }   // outside every known range
                else if b0 >= 0xE0 { v = (b0 & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F); length = 3 }
                else if b0 >= 0x80 { v = (b0 & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F); length = 2 }
                if afterMarkup, v >= 0x80, !KnownScalars.isBase(v) { return false }
                afterMarkup = false
                switch v {
                case 0x2A, 0x5B, 0x5C, 0x5D, 0x28, 0x29:
                    if previous >= 0x80, KnownScalars.width(previous) == nil { return false }
                    afterMarkup = true
                default: break
                }
                previous = v
                i += length
            }
            return true
        }
    }

    public static func isAbsoluteHTTP(_ url: String) -> Bool {
        let lower = url.prefix(8).lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return false }
        let rest = url.drop(while: { $0 != ":" }).dropFirst(3)
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        // Brackets, parentheses and backslashes are markup around a link target: a target holding one could not
        // be written back unambiguously (found by the inline fuzzer). Percent-encode them (%5B, %28…).
        return !host.isEmpty && !holdsSpaceOrMarkup(url)
    }

    /// Whether a Character of `url` is whitespace or one of `<>"[]()\`. For ASCII, where those Characters are
    /// single bytes (and CR LF, the one two-byte Character, is whitespace byte for byte), decided on the bytes:
    /// breaking every link target into Characters and asking each for its Unicode properties was a third of
    /// reading marked-up paragraphs.
    static func holdsSpaceOrMarkup(_ url: String, asciiFastPath: Bool = true) -> Bool {
        var text = url
        let ascii: Bool? = !asciiFastPath ? nil : text.withUTF8 { b in
            guard ASCIIBytes.all(b) else { return nil }
            return b.contains { c in
                switch c {
                case 0x09...0x0D, 0x20, 0x3C, 0x3E, 0x22, 0x5B, 0x5D, 0x28, 0x29, 0x5C: true
                default: false
                }
            }
        }
        return ascii ?? url.contains(where: { $0.isWhitespace || "<>\"[]()\\".contains($0) })
    }

    private struct Parser<Unit: InlineUnit> {
        let c: [Unit]
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

        init(_ c: [Unit]) {
            self.c = c
            let n = c.count
            // Tables only for the markup the text holds: the star tables are read only at a `*`, the bracket and
            // parenthesis tables only at a `[` (most paragraphs with markup hold links or glossary terms only).
            let stars = c.contains(.star), brackets = c.contains(.openBracket)
            guard stars || brackets else {
                (nextDouble, nextSingle, nextParen, closingBracket) = ([], [], [], [:])
                return
            }
            var double = stars ? [Int](repeating: n, count: n + 2) : []
            var single = stars ? [Int](repeating: n, count: n + 2) : []
            var paren = brackets ? [Int](repeating: n, count: n + 2) : []
            var i = n - 1
            while i >= 0 {
                if stars {
                    let star = c[i] == .star, nextStar = i + 1 < n && c[i + 1] == .star
                    if c[i] == .backslash {
                        double[i] = double[i + 2]; single[i] = single[i + 2]
                    } else {
                        double[i] = star && nextStar ? i : double[i + 1]
                        single[i] = star ? (nextStar ? single[i + 2] : i) : single[i + 1]
                    }
                }
                if brackets { paren[i] = c[i] == .closeParen ? i : paren[i + 1] }
                i -= 1
            }
            var closing: [Int: Int] = [:]
            var open: [Int] = []
            i = 0
            while brackets && i < n {
                if c[i] == .backslash { i += 1 }
                else if c[i] == .openBracket { open.append(i) }
                else if c[i] == .closeBracket, let o = open.popLast() { closing[o] = i }
                i += 1
            }
            (nextDouble, nextSingle, nextParen, closingBracket) = (double, single, paren, closing)
        }

        mutating func parse(_ start: Int, _ end: Int, depth: Int) -> [Inline] {
            if depth > Limits.inlineNesting {
                if !reportedDepth {
                    problems.append(Problem(offset: start, message: "emphasis and links are nested more than \(Limits.inlineNesting) levels deep"))
                    reportedDepth = true
                }
                return [.text(Unit.string(c[start..<end]))]
            }
            var out: [Inline] = []
            var text: [Unit] = []
            func flush() {
                if !text.isEmpty { out.append(.text(Unit.string(text[...]))); text.removeAll(keepingCapacity: true) }
            }
            var i = start
            while i < end {
                let ch = c[i]
                if ch == .backslash, i + 1 < end, c[i + 1].isEscapable {
                    text.append(c[i + 1]); i += 2; continue
                }
                if ch == .star, i + 1 < end, c[i + 1] == .star, nextDouble[i + 2] + 2 <= end, nextDouble[i + 2] > i + 2,
                   canEnclose(i + 2, nextDouble[i + 2]) {
                    let close = nextDouble[i + 2]
                    flush()
                    out.append(.strong(parse(i + 2, close, depth: depth + 1)))
                    i = close + 2; continue
                }
                if ch == .star, nextSingle[i + 1] < end, nextSingle[i + 1] > i + 1, canEnclose(i + 1, nextSingle[i + 1]) {
                    let close = nextSingle[i + 1]
                    flush()
                    out.append(.emphasis(parse(i + 1, close, depth: depth + 1)))
                    i = close + 1; continue
                }
                if ch == .openBracket, let link = link(at: i, end) {
                    flush()
                    let children = parse(i + 1, link.textEnd, depth: depth + 1)
                    out.append(node(link.target, children, at: i))
                    i = link.end; continue
                }
                // Up to the next byte that can start markup every unit is text: taken as one slice.
                var j = i + 1
                while j < end, c[j] != .backslash, c[j] != .star, c[j] != .openBracket { j += 1 }
                text.append(contentsOf: c[i..<j]); i = j
            }
            flush()
            return out
        }

        /// Emphasis or strong content may not start or end with an unescaped `*`: `***a*` and `**a***` would be
        /// nodes the writer cannot spell back (found by the inline fuzzer); those stars stay literal instead.
        private func canEnclose(_ start: Int, _ end: Int) -> Bool {
            c[start] != .star && !(c[end - 1] == .star && (end - 2 < start || c[end - 2] != .backslash))
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
            guard let close = closingBracket[open], close + 1 < end, c[close + 1] == .openParen else { return nil }
            let paren = nextParen[close + 2]
            guard paren < end else { return nil }
            return (close, Unit.string(c[(close + 2)..<paren]), paren + 1)
        }
    }
}

/// What the inline parser reads: Characters, or bytes of ASCII text (where each byte is a Character).
private protocol InlineUnit: Equatable {
    static var star: Self { get }
    static var backslash: Self { get }
    static var openBracket: Self { get }
    static var closeBracket: Self { get }
    static var openParen: Self { get }
    static var closeParen: Self { get }
    /// What a backslash escapes: `* [ ] \ ( )`.
    var isEscapable: Bool { get }
    static func string(_ units: ArraySlice<Self>) -> String
}

extension Character: InlineUnit {
    fileprivate static var star: Character { "*" }
    fileprivate static var backslash: Character { "\\" }
    fileprivate static var openBracket: Character { "[" }
    fileprivate static var closeBracket: Character { "]" }
    fileprivate static var openParen: Character { "(" }
    fileprivate static var closeParen: Character { ")" }
    fileprivate var isEscapable: Bool { "*[]\\()".contains(self) }
    fileprivate static func string(_ units: ArraySlice<Character>) -> String { String(units) }
}

extension UInt8: InlineUnit {
    fileprivate static var star: UInt8 { UInt8(ascii: "*") }
    fileprivate static var backslash: UInt8 { UInt8(ascii: "\\") }
    fileprivate static var openBracket: UInt8 { UInt8(ascii: "[") }
    fileprivate static var closeBracket: UInt8 { UInt8(ascii: "]") }
    fileprivate static var openParen: UInt8 { UInt8(ascii: "(") }
    fileprivate static var closeParen: UInt8 { UInt8(ascii: ")") }
    fileprivate var isEscapable: Bool { self == .star || self == .openBracket || self == .closeBracket || self == .backslash || self == .openParen || self == .closeParen }
    fileprivate static func string(_ units: ArraySlice<UInt8>) -> String { String(decoding: units, as: UTF8.self) }
}
