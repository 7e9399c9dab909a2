import Foundation
import JSONLDExport
import TestSupport
import Testing
import TrialModel

@Suite struct ScriptSnippetTests {
    static let hostileTitle = "PATINA </script><script>alert(1)</script> <!-- & \u{2028}line\u{2029}para &amp; é"

    @Test func escapesExactlyTheUnsafeCharacters() {
        #expect(ScriptSnippet.escapeForScript(#"{"a":"<b>&\#u{2028}\#u{2029}é/"}"#)
            == #"{"a":"\u003cb\u003e\u0026\u2028\u2029é/"}"#)
        // Other E2 80 xx characters (… — ’) pass through; a separator at the very end is still caught.
        #expect(ScriptSnippet.escapeForScript("…—’\u{2029}") == #"…—’\u2029"#)
        #expect(ScriptSnippet.escapeForScript("plain") == "plain")
        // Copied in runs between escapes: escapes first, last and back to back, a cut-off E2 80 at the end kept.
        #expect(ScriptSnippet.escapeForScript("<<a&\u{2028}>") == #"\u003c\u003ca\u0026\u2028\u003e"#)
        #expect(ScriptSnippet.escapeForScript(Data([0x3C, 0x61, 0xE2, 0x80])) == Data(#"\u003ca"#.utf8) + Data([0xE2, 0x80]))
        #expect(ScriptSnippet.escapeForScript(Data()) == Data())
    }

    @Test func hostileTitleCannotLeaveTheScriptElement() throws {
        let item = try JSONLDFixtures.patina { $0.title = Self.hostileTitle }
        let files = try JSONLDFixtures.render(item)
        let html = try #require(files["jsonld/patina.html"])
        let text = String(decoding: html, as: UTF8.self)
        // Between the tags there is no raw <, > or &, and the separators are escaped.
        let body = text.dropFirst("<script type=\"application/ld+json\">".count).dropLast("</script>\n".count)
        #expect(!body.contains("<") && !body.contains(">") && !body.contains("&"))
        #expect(!body.contains("\u{2028}") && !body.contains("\u{2029}"))
        // Escapes parse back to the same data, title included.
        let fromSnippet = try JSONLDDocument.parse(Data(body.utf8))
        #expect(fromSnippet == (try JSONLDDocument.parse(try #require(files["jsonld/patina.jsonld"]))))
        #expect(fromSnippet.graphNodes.first?["headline"] == .string(Self.hostileTitle))
    }

    /// Browser-grade tokenizers (Python's html.parser, and html5lib from `make venv`) must see one script element
    /// whose JSON equals the .jsonld document. Without Python or html5lib the test fails: it never skips.
    @Test func htmlParsersSeeOneScriptWithTheSameData() throws {
        let item = try JSONLDFixtures.patina { $0.title = Self.hostileTitle }
        let files = try JSONLDFixtures.render(item)
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Embedded in a page, with markup after it that an early close would expose.
        let page = Data("<!doctype html><html><head><title>t</title>".utf8) + files["jsonld/patina.html"]!
            + Data("</head><body><p id=after>after</p></body></html>".utf8)
        let pagePath = folder.appendingPathComponent("page.html").path
        let docPath = folder.appendingPathComponent("patina.jsonld").path
        try page.write(to: URL(fileURLWithPath: pagePath))
        try files["jsonld/patina.jsonld"]!.write(to: URL(fileURLWithPath: docPath))
        let venvPython = TestSupport.repoRoot.appendingPathComponent(".venv/bin/python3").path
        let python = FileManager.default.isExecutableFile(atPath: venvPython) ? venvPython : "python3"
        let r = try TestSupport.run(python, ["-c", Self.parserScript, pagePath, docPath])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("html.parser: 1 script, same data"), "\(r.stdout)")
        #expect(r.stdout.contains("html5lib: 1 script, same data"), "\(r.stdout)\(r.stderr)")
    }

    static let parserScript = #"""
import json, sys
from html.parser import HTMLParser
page = open(sys.argv[1], encoding="utf-8").read()
expected = json.load(open(sys.argv[2], encoding="utf-8"))

class Scripts(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts, self.inside, self.ps = [], False, 0
    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts.append([dict(attrs).get("type"), ""]); self.inside = True
        if tag == "p": self.ps += 1
    def handle_endtag(self, tag):
        if tag == "script": self.inside = False
    def handle_data(self, data):
        if self.inside: self.scripts[-1][1] += data

p = Scripts(); p.feed(page); p.close()
assert len(p.scripts) == 1, "html.parser found %d scripts" % len(p.scripts)
assert p.scripts[0][0] == "application/ld+json", p.scripts[0][0]
assert json.loads(p.scripts[0][1]) == expected, "html.parser: data differs"
assert p.ps == 1, "the markup after the script was swallowed or duplicated"
print("html.parser: 1 script, same data")
try:
    import html5lib
except ImportError:
    print("html5lib: not installed (make venv installs it)"); sys.exit(1)
doc = html5lib.parse(page, namespaceHTMLElements=False)
scripts = doc.findall(".//script")
assert len(scripts) == 1, "html5lib found %d scripts" % len(scripts)
assert scripts[0].get("type") == "application/ld+json"
assert json.loads(scripts[0].text) == expected, "html5lib: data differs"
assert len(doc.findall(".//p")) == 1
print("html5lib: 1 script, same data")
"""#
}
