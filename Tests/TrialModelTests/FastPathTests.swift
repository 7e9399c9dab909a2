import Testing
@testable import TrialModel

/// The byte-level fast paths (issue 13's speed work) give exactly what the general paths give: checked on
/// deterministic pseudo-random text built to hit their edges (space runs, long words, URLs in any case,
/// controls, trailing spaces), plus a few fixed cases.
@Suite struct FastPathTests {
    /// A small LCG, so every run checks the same strings.
    struct Text {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        mutating func string(_ pieces: [String], count: Int) -> String {
            (0..<count).map { _ in pieces[next(pieces.count)] }.joined()
        }
    }

    static let asciiPieces = ["a", "bc", "Word", " ", " ", "  ", "x", "HTTPS://example.org/a/very/long/path",
                              "http://x.org", "mailto:a@b.org", "supercalifragilisticexpialidocious", ",", ".", "-",
                              String(repeating: "y", count: 80)]

    @Test func wrapASCIIMatchesGraphemes() {
        var t = Text(state: 13)
        for _ in 0..<400 {
            let text = t.string(Self.asciiPieces, count: t.next(40))
            let width = [1, 3, 10, 20, 40, 72][t.next(6)]
            let first = ["", "- ", "> ", "Q: ", "   "][t.next(5)]
            let rest = ["", "  ", "> ", "    "][t.next(4)]
            for cut in [true, false] {
                #expect(TextWrap.wrapASCII(Array(text.utf8), width: width, first: Array(first.utf8), rest: Array(rest.utf8),
                                           cutLongWords: cut)
                        == TextWrap.wrapGraphemes(text, width: width, first: first, rest: rest, cutLongWords: cut))
            }
        }
    }

    @Test func widthOfASCIIMatchesGraphemes() {
        var t = Text(state: 7)
        for _ in 0..<200 {
            let s = t.string(Self.asciiPieces + ["\t", "\r\n", "\r", "\n", "\u{7F}", "\u{1}"], count: t.next(20))
            #expect(TextWidth.of(s) == TextWidth.ofGraphemes(s))
            #expect(TextWidth.of(s.dropFirst()) == TextWidth.ofGraphemes(s.dropFirst()))
        }
        #expect(TextWidth.of("e\u{301}x") == 2 && TextWidth.of("日本 ab") == 7)
    }

    /// The implementations these replaced, kept here as the reference.
    static func plainBefore(_ x: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int((abs(x) * scale).rounded())
        let whole = scaled / Int(scale)
        var fraction = String(scaled % Int(scale))
        while fraction.count < decimals { fraction = "0" + fraction }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return (x < 0 && scaled != 0 ? "-" : "") + String(whole) + (fraction.isEmpty ? "" : "." + fraction)
    }

    static func groupedBefore(_ n: Int) -> String {
        let s = String(abs(n))
        var out = n < 0 ? "-" : ""
        for (i, ch) in s.enumerated() {
            if i > 0, (s.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return out
    }

    @Test func numbersAsBefore() {
        var t = Text(state: 3)
        let fixed = [0, 0.5, 1, -1, 2.5, 44.3, 0.04, 0.0004, -0.04, 99.95, 100, 1234.5678, 1e-9, -0.00001, 7.5, 12.25]
        for x in fixed + (0..<500).map({ _ in Double(t.next(2_000_000) - 1_000_000) / Double([1, 10, 100, 1000, 7][t.next(5)]) }) {
            for d in 0...4 { #expect(NumberText.plain(x, decimals: d) == Self.plainBefore(x, decimals: d)) }
        }
        for n in [0, 1, -1, 999, -999, 1000, -1000, 12_345, 1_234_567, -1_234_567, Int.max] + (0..<300).map({ _ in t.next(100_000_000) - 50_000_000 }) {
            #expect(NumberText.grouped(n) == Self.groupedBefore(n))
        }
    }

    static func fillBefore(_ template: String, _ args: [String]) -> String {
        guard template.contains("{") else { return template }
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let i = Int(after[..<close]), args.indices.contains(i) {
                out += args[i]
                rest = after[after.index(after: close)...]
            } else {
                out.append("{")
                rest = after
            }
        }
        return out + rest
    }

    @Test(arguments: ["{0}: {1}", "每{1}中约有{0}", "{1} {0} {2}", "{", "}{", "{x}", "{5}", "{-1}", "{+1}", "a{0", "{{0}}",
                      "é{0}é{1}é", "no placeholder", "", "{ 0}", "{0}{0}{1}"])
    func fillAsBefore(template: String) {
        let args = ["eins", "zwei ☃", "三"]
        #expect(Messages.fill(template, args) == Self.fillBefore(template, args))
    }
}
