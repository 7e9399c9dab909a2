@testable import EPUBExport
import Foundation
import Testing
import TrialModel
import XMLKit

/// The libxml2 wrapper: the library escapes text, indentation never touches inline content, identifiers
/// match the RFC algorithm.
@Suite struct XMLBuilderTests {
    private func serialize(_ build: (XMLBuilder.Element) -> Void) -> String {
        let doc = XMLBuilder()
        let root = doc.root("html", namespace: XMLNamespace.xhtml)
        build(root)
        return String(decoding: doc.serialize(), as: UTF8.self)
    }

    @Test func textAndAttributesAreEscapedByLibxml2() {
        let out = serialize { root in
            root.element("p", ["title": "a \"b\" <c> & d"], text: "x < y & z > w ]]> \u{0007}bell")
        }
        #expect(out.contains("<p title=\"a &quot;b&quot; &lt;c&gt; &amp; d\">x &lt; y &amp; z &gt; w ]]&gt; \u{FFFD}bell</p>"))
    }

    /// The UTF-8 fast path of `xmlSafe` keeps exactly the text the scalar check keeps, and replaces the rest.
    @Test(arguments: ["", "plain", "tab\tnew\nline\rreturn", "bell\u{7}", "nul\u{0}", "\u{FFFD}\u{FFFC}\u{FFBF}\u{EFBF}",
                      "\u{FFFE}", "a\u{FFFF}b", "😀 é 日本", "\u{1F}", "0123456\u{FFFE}xyz", "012345\u{FFFF}xyz",
                      "abcdefgh\u{1}ijklmnop", "abcdefghijklmnop\u{FFFF}", "abcdefghijklmnopq\u{FFFD}rstuvwxyz\u{EF}",
                      String(repeating: "M7.5,7.5h15v15h-15z ", count: 20), String(repeating: "é", count: 9) + "\n\u{8}"])
    func xmlSafeKeepsOnlyWhatXMLCarries(text: String) {
        let expected = String(String.UnicodeScalarView(text.unicodeScalars.map { u in
            (u.value >= 0x20 ? u.value != 0xFFFE && u.value != 0xFFFF : (u == "\t" || u == "\n" || u == "\r")) ? u : "\u{FFFD}"
        }))
        #expect(XMLBuilder.Element.xmlSafe(text) == expected)
    }

    @Test func indentationLeavesInlineContentAlone() {
        let rich = RichTextWriter { _ in nil }
        let out = serialize { root in
            let body = root.element("body")
            rich.write(RichText([.strong([.text("a")]), .emphasis([.strong([.text("b")])])]), into: body.element("p"))
        }
        // Block structure is indented; inside the paragraph nothing is added between or around the inline elements.
        #expect(out.contains("<body>\n    <p><strong>a</strong><em><strong>b</strong></em></p>\n  </body>"))
    }

    @Test func prefixedNamesUseTheirNamespaces() {
        let out = serialize { root in
            root.declareNamespace(XMLNamespace.ops, prefix: "epub")
            root.set("xml:lang", "en")
            root.element("a", ["epub:type": "glossref"])
        }
        #expect(out.contains("xml:lang=\"en\""))
        #expect(out.contains("<a epub:type=\"glossref\"/>"))
    }

    @Test func uuidV5MatchesPython() {
        // python3 -c "import uuid;print(uuid.uuid5(uuid.NAMESPACE_URL,'https://example.org/é'))"
        #expect(PublicationIdentifier.uuidV5("https://example.org/é") == "4db32f13-2b90-551e-bb13-4c966035961b")
    }

    @Test func axisNumbersAndWrapping() {
        #expect(NumberText.plain(50) == "50")
        #expect(NumberText.plain(1.25) == "1.25")
        #expect(NumberText.plain(0.125) == "0.125")
        #expect(NumberText.plain(372.14, decimals: 1) == "372.1")
        #expect(TextWrap.lines("one two three four", width: 9) == ["one two", "three", "four"])
    }
}
