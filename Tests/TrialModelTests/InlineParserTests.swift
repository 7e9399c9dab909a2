import Testing
@testable import TrialModel

@Suite struct InlineParserTests {
    @Test func parsesTheSubset() {
        let (r, problems) = InlineParser.parse("a *em* **strong** [site](https://x.org/a) [HR](glossary:hazard-ratio) z")
        #expect(problems.isEmpty)
        #expect(r.inlines == [.text("a "), .emphasis([.text("em")]), .text(" "), .strong([.text("strong")]), .text(" "),
                              .link(url: "https://x.org/a", children: [.text("site")]), .text(" "),
                              .term(id: "hazard-ratio", children: [.text("HR")]), .text(" z")])
    }

    @Test func nestsAndEscapes() {
        #expect(InlineParser.parse("**a *b* c**").0.inlines == [.strong([.text("a "), .emphasis([.text("b")]), .text(" c")])])
        #expect(InlineParser.parse(#"5 \* 3 \[x\]"#).0.inlines == [.text("5 * 3 [x]")])
        #expect(InlineParser.parse("5 * 3").0.inlines == [.text("5 * 3")])
        #expect(InlineParser.parse("[not a link] (x)").0.inlines == [.text("[not a link] (x)")])
    }

    @Test func rejectsRelativeAndOddLinks() {
        #expect(InlineParser.parse("[a](/x)").1.first?.message.contains("absolute") == true)
        #expect(InlineParser.parse("[a](javascript:alert(1))").1.count == 1)
        #expect(InlineParser.parse("[a](glossary:)").1.count == 1)
    }

    @Test func writerRoundTrips() {
        for src in ["a *em* and **st *x* r** [l](https://a.b/c?d=1) [t](glossary:t)", #"\*literal\* \[x\] back\\slash"#] {
            let r = InlineParser.parse(src).0
            #expect(InlineParser.parse(InlineWriter.source(r)).0 == r)
        }
    }
}
