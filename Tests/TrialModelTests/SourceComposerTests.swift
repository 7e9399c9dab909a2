import Foundation
import Testing
import TestSupport
import Yams
@testable import TrialModel

/// The fast composer must give what Yams gives: the same nodes, marks and styles when it composes, and Yams's own
/// error when it hands a file over.
@Suite struct SourceComposerTests {
    static let inputs = [
        "a: 1\nb: [x, 'y', \"z\"]\nc: {d: ~, e: |\n    two\n    lines\n  }\n",
        "a: &A {b: 1}\nc: *A\nd: &S text\ne: [*S, *S]\n",
        "---\nk: v\n",
        "k: !!str 5\n",
        "k: 1\nk: 2\n",
        "top:\n  a: 1\n  a: 2\n",
        "? [a, b]\n: 1\n",
        "a: 1\n---\nb: 2\n",
        "a: *nope\n",
        "a: [unclosed\n",
        "\ta: 1\n",
        "a: \"\u{FEFF}bom\"\n",
        "",
        "# only a comment\n",
        "plain\n",
        "a: 1\r\nb: 2\r\n",
    ]

    static func shape(_ n: SourceNode) -> String {
        switch n.content {
        case .scalar(let s): "S(\(n.line):\(n.column) \(s.style) \(s.string.debugDescription))"
        case .sequence(let s): "L(\(n.line):\(n.column) " + s.map(shape).joined(separator: ", ") + ")"
        case .mapping(let m): "M(\(n.line):\(n.column) " + m.map { shape($0.key) + ": " + shape($0.value) }.joined(separator: ", ") + ")"
        }
    }

    static func viaYams(_ yaml: String) -> String {
        do { return try Yams.compose(yaml: yaml, .basic).map { shape(SourceTree($0).root) } ?? "empty" }
        catch let e as YamlError { return "error \(SummaryReader.describe(e))" }
        catch { return "error \(error)" }
    }

    static func viaComposer(_ yaml: String) -> String {
        do { return try SourceComposer.compose(yaml: yaml).map { shape($0.root) } ?? "empty" }
        catch let e as YamlError { return "error \(SummaryReader.describe(e))" }
        catch { return "error \(error)" }
    }

    @Test(arguments: inputs) func composesAsYamsDoes(_ yaml: String) {
        #expect(Self.viaComposer(yaml) == Self.viaYams(yaml))
    }

    /// The text put straight into libyaml's buffer composes as libyaml's reader gives it: the same nodes, marks
    /// and outcome for every YAML source in the repository (fixtures, broken and hostile files, the fuzz corpus).
    @Test func preloadedTextComposesAsTheReaderGivesIt() throws {
        func outcome(_ yaml: String, _ preload: Bool) -> String {
            do { return try SourceComposer.compose(yaml: yaml, preload: preload).map { Self.shape($0.root) } ?? "empty" }
            catch let e as YamlError { return "error \(SummaryReader.describe(e))" }
            catch { return "error \(error)" }
        }
        var files = 0
        let root = TestSupport.repoRoot
        for folder in ["Tests", "summaries"] {
            let walker = FileManager.default.enumerator(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil)
            while let url = walker?.nextObject() as? URL {
                guard url.pathExtension == "yaml" || url.pathExtension == "yml",
                      let yaml = String(data: try Data(contentsOf: url), encoding: .utf8) else { continue }
                files += 1
                #expect(outcome(yaml, true) == outcome(yaml, false), "\(url.path)")
            }
        }
        for yaml in Self.inputs + ["a: b", "a: \"\u{85}x\"\n", "k: v\n" + String(repeating: "# pad\n", count: 9000),
                     "k:\n" + String(repeating: "- \"é’ x\"\n", count: 3000)] {
            #expect(outcome(yaml, true) == outcome(yaml, false), "\(yaml.prefix(40).debugDescription)")
        }
        #expect(files > 50)
    }

    @Test func patinaComposesAsYamsDoes() throws {
        let yaml = String(decoding: try TestSupport.patina().sourceBytes, as: UTF8.self)
        #expect(Self.viaComposer(yaml) == Self.viaYams(yaml))
    }

    /// The byte pre-checks answer as the scalar loops they guard.
    @Test func preChecksAgreeWithTheScalarLoops() {
        let texts = ["plain", "tab\there", "line\nbreak", "cr\rhere", "nel\u{85}", "ls\u{2028}", "c1\u{80}x", "del\u{7F}",
                     "bell\u{07}", "nonchar\u{FFFE}", "é and ’", "\u{FFFF}"]
        for t in texts {
            #expect(SourceText.mayHoldNewline(t) == t.contains(where: \.isNewline), "\(t.debugDescription)")
            for allow in [false, true] {
                let slow = t.unicodeScalars.first { u in
                    switch u.value {
                    case 0x09: false
                    case 0x0A: !allow
                    case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: true
                    default: false
                    }
                }
                #expect(SourceText.forbiddenCharacter(in: t, allowNewlines: allow) == slow, "\(t.debugDescription)")
            }
            #expect(SourceBytes.mayHoldDisallowed(t) || SourceBytes.disallowed(in: t, file: "f") == nil, "\(t.debugDescription)")
        }
    }

    /// A key holding `.` makes two paths alike: positions then come from the table of every path, as before.
    @Test func ambiguousKeysFallBackToTheTable() {
        let yaml = "a.b: 1\na:\n  b: 2\n"
        let p = FieldPositions(yaml: yaml).position(of: "a.b")
        #expect(p.line == 3 && p.column == 6)
        let q = FieldPositions(yaml: "x:\n  - y: 1\n").position(of: "x[0].y")
        #expect(q.line == 2 && q.column == 8)
        #expect(FieldPositions(yaml: "x:\n  - y: 1\n").position(of: "x[00].y").line == 2)
    }
}
