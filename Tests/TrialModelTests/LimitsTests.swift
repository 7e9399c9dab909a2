import Foundation
import Testing
import TestSupport
@testable import TrialModel

/// The reader's limits and its located errors for hostile input (the CLI-level cases are in Tests/hostile).
@Suite struct LimitsTests {
    static let patina = try! String(contentsOf: TestSupport.summariesFolder.appendingPathComponent("patina.yaml"), encoding: .utf8)

    static func read(_ text: String) -> SummaryReader.Result { SummaryReader.read(bytes: Array(text.utf8), file: "t.yaml") }

    static func errors(_ text: String) -> [String] {
        read(text).diagnostics.filter { $0.severity == .error }.map(\.description)
    }

    static func withParagraph(_ text: String) -> String {
        patina.replacingOccurrences(of: #"      - paragraph: "People in the trial had:""#, with: "      - paragraph: \"\(text)\"")
    }

    @Test func deepStarsAndBracketsParseFlatAndFast() {
        // 100,000 `*` overflowed the stack of the recursive parser; unclosed `[` made it quadratic.
        let (stars, _) = InlineParser.parse(String(repeating: "*", count: 100_000))
        #expect(stars.plainText.count >= 99_000)
        let (brackets, problems) = InlineParser.parse(String(repeating: "[", count: 100_000))
        #expect(brackets.plainText.count == 100_000 && problems.isEmpty)
    }

    @Test func nestingBeyondTheLimitIsAProblem() {
        func nested(_ n: Int) -> String { String(repeating: "[", count: n) + "x" + String(repeating: "](https://a.org)", count: n) }
        #expect(InlineParser.parse(nested(Limits.inlineNesting)).1.isEmpty)
        #expect(InlineParser.parse(nested(Limits.inlineNesting + 1)).1.first?.message.contains("nested more than") == true)
        #expect(InlineParser.parse(nested(2000)).1.count == 1)
    }

    @Test func numbersBeyondFifteenDigitsAreRefusedWhereTheyAre() {
        let e = Self.errors(Self.patina.replacingOccurrences(of: "palbociclib: 44.3", with: "palbociclib: 9999999999999999"))
        #expect(e.contains { $0.hasPrefix("t.yaml:123:") && $0.contains("outcomes[0].values.palbociclib: has 16 digits") }, "\(e)")
        #expect(Self.errors(Self.patina.replacingOccurrences(of: "palbociclib: 44.3", with: "palbociclib: 999999999999999")).isEmpty)
    }

    @Test func longTextAndLongListsAreRefused() {
        #expect(Self.errors(Self.withParagraph(String(repeating: "a", count: Limits.blockCharacters + 1)))
            .contains { $0.contains("is 20001 characters long; the limit is 20000") })
        #expect(Self.errors(Self.withParagraph(String(repeating: "a", count: Limits.blockCharacters))).isEmpty)
        let id = String(repeating: "a", count: Limits.idCharacters + 1)
        #expect(Self.errors(Self.patina.replacingOccurrences(of: "id: patina", with: "id: \(id)")).contains { $0.contains("ids have at most 64") })
    }

    @Test func controlCharactersAndBadBytesAreLocated() {
        let nul = Self.errors(Self.patina.replacingOccurrences(of: "enrollment: 518", with: "enrollment: 518\u{0}"))
        #expect(nul.first?.hasPrefix("t.yaml:68:18: error: contains the character U+0000") == true, "\(nul)")
        var bytes = Array(Self.patina.utf8)
        let range = Self.patina.range(of: "locations: Mul")!
        bytes[Self.patina.utf8.distance(from: Self.patina.startIndex, to: range.upperBound)] = 0xFF
        let bad = SummaryReader.read(bytes: bytes, file: "t.yaml").diagnostics.first?.description ?? ""
        #expect(bad.hasPrefix("t.yaml:67:17: error: byte 0xFF is not valid UTF-8"), "\(bad)")
    }

    @Test func aliasesCannotMultiplyText() {
        let big = String(repeating: "word ", count: 2000)
        var text = Self.withParagraph(big).replacingOccurrences(of: "      - paragraph: \"word", with: "      - paragraph: &big \"word")
        text = text.replacingOccurrences(of: "      - list:\n", with: String(repeating: "      - paragraph: *big\n", count: 150) + "      - list:\n")
        #expect(Self.errors(text).contains { $0.contains("once its aliases") })
    }

    @Test func diagnosticsAreOneEscapedLine() {
        let d = Diagnostic(.error, file: "a\nb\u{1B}.yaml", line: 1, column: 1, field: "", message: "bell\u{7} here")
        #expect(d.description == #"a\u{A}b\u{1B}.yaml:1:1: error: bell\u{7} here"#)
        let log = DiagnosticLog(file: "x")
        for i in 0..<(Limits.diagnosticsPerFile + 500) { log.add(.warning, line: i, column: 1, field: "", "problem") }
        #expect(log.items.count == Limits.diagnosticsPerFile + 1)
        #expect(!log.hasErrors, "only warnings were left out: the summary stays valid")
        log.add(.error, line: 1, column: 1, field: "", "problem")
        #expect(log.items.count == Limits.diagnosticsPerFile + 1 && log.hasErrors, "a left-out error makes the summary line an error")
    }

    @Test func oddFilesAreRefusedWithoutReadingThem() throws {
        let dir = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let lib = dir.appendingPathComponent("summaries")
        try FileManager.default.createDirectory(at: lib.appendingPathComponent("folder.yaml"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: lib.appendingPathComponent("out.yaml").path, withDestinationPath: "/etc/passwd")
        try FileManager.default.createSymbolicLink(atPath: lib.appendingPathComponent("loop.yaml").path, withDestinationPath: "loop.yaml")
        #expect(mkfifo(lib.appendingPathComponent("pipe.yaml").path, 0o644) == 0)
        let library = Library.load(paths: [lib.path])
        let messages = library.diagnostics.map(\.description)
        #expect(messages.contains { $0.hasSuffix("folder.yaml:1:1: error: is a folder, not a file") })
        #expect(messages.contains { $0.hasSuffix("out.yaml:1:1: error: is a symbolic link to a file outside the library; not read") })
        #expect(messages.contains { $0.hasSuffix("loop.yaml:1:1: error: is a symbolic link that leads nowhere or in a loop; not read") })
        #expect(messages.contains { $0.contains("pipe.yaml:1:1: error: is not a regular file") })
        #expect(library.failedFiles.count == 4)
        #expect(!messages.joined().contains("root:"))
    }

    @Test func settingsProblemsAreLocated() {
        func errors(_ yaml: String) -> [String] { SettingsReader.read(yaml: yaml, file: "s.yaml").1.map(\.description) }
        // A format's section is unknown to the model alone: the registered formats bring their keys.
        #expect(errors("newsletter:\n  subject: x\n").first?.contains("unknown key 'newsletter'") == true)
        #expect(errors("siteName: [a\n").first?.contains("YAML syntax") == true)
        #expect(errors("siteName: [a\n").first?.hasPrefix("s.yaml:1:1:") == false)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("settings-\(UUID().uuidString).yaml")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let (settings, problems) = SettingsReader.load(path: dir.path)
        #expect(settings == nil && problems.first?.message == "is a folder, not a file")
    }
}
