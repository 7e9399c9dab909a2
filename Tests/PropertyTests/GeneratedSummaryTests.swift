import ExportKit
import Foundation
import PropertyBased
import TestSupport
import Testing
import TrialExportCore
import TrialModel

/// Summaries built from generated markup and text (hostile characters included, within the limits): each one
/// survives model → YAML → model unchanged, and every registered exporter renders it into output that passes
/// the format's basic checks.
@Suite struct GeneratedSummaryTests {
    /// Pieces of rich-text source: words, every markup character alone and in pairs, links, escapes, and text
    /// from scripts and symbols the fonts do have.
    static let tokens = ["word", "trial", " ", " ", "*", "**", "[", "]", "(", ")", "\\", "\\*", "[x](https://example.org/a?b=1)",
                         "](https://example.org/b)", "[risk](glossary:hazard-ratio)", "é", "ß", "—", "≥", "±", "“", "”", "½",
                         "🙂", "&", "<", ">", "\"", "'", "#", ":", "- ", "%", "{", "}", "|", "&amp;", "]]>", "\u{00A0}"]

    static let markup = Gen<String?>.element(of: tokens).map { $0 ?? "" }.array(of: 1...40).map { $0.joined() }
    static let seed = Gen.uint64(in: 0...1_000_000)

    /// A sample summary whose lead, one paragraph and title come from generated source; nil when the generated
    /// text is not valid source (the reader's own tests cover those errors).
    static func summary(seed: UInt64, lead: String, paragraph: String, title: String) -> Summary? {
        var s = SampleGenerator(seed: seed).summary(0)
        let (leadText, p1) = InlineParser.parse(lead)
        let (paraText, p2) = InlineParser.parse(paragraph)
        let plainTitle = title.replacingOccurrences(of: "\\", with: "")
        guard p1.isEmpty, p2.isEmpty, [leadText.plainText, paraText.plainText, plainTitle].allSatisfy({ !$0.allSatisfy(\.isWhitespace) })
        else { return nil }
        s.lead = leadText
        s.title = plainTitle
        if let i = s.sections.firstIndex(where: { $0.blocks.contains { if case .paragraph = $0 { true } else { false } } }),
           let j = s.sections[i].blocks.firstIndex(where: { if case .paragraph = $0 { true } else { false } }) {
            s.sections[i].blocks[j] = .paragraph(paraText)
        }
        return s
    }

    @Test func generatedSummariesRoundTripThroughYAML() async {
        var checked = 0
        await propertyCheck(count: 200, input: Self.seed, Self.markup, Self.markup, Self.markup) { seed, lead, paragraph, title in
            guard let s = Self.summary(seed: seed, lead: lead, paragraph: paragraph, title: title) else { return }
            checked += 1
            let yaml = try? SummaryWriter.yaml(s)
            #expect(yaml != nil)
            let back = SummaryReader.read(yaml: yaml ?? "", file: "generated.yaml")
            #expect(back.summary == s, "\(back.diagnostics.map(\.description))")
        }
        #expect(checked >= 50, "only \(checked) of 200 generated inputs were valid source")
    }

    @Test func everyExporterRendersGeneratedSummaries() async throws {
        let context = TestSupport.context(options: ExportOptions(variants: ["a4"]))
        let exporters = try ExporterRegistry.all.map { try $0.init(context: context) }
        let worker = WorkerCache()
        var rendered = 0
        await propertyCheck(count: 15, input: Self.seed, Self.markup, Self.markup, Self.markup) { seed, lead, paragraph, title in
            guard let s = Self.summary(seed: seed, lead: lead, paragraph: paragraph, title: title),
                  let yaml = try? SummaryWriter.yaml(s) else { return }
            rendered += 1
            let item = LoadedSummary(summary: s, sourcePath: "generated.yaml", sourceBytes: Array(yaml.utf8))
            for exporter in exporters {
                for variant in exporter.variants {
                    let files = (try? exporter.render(item, variant: variant, worker: worker)) ?? []
                    #expect(!files.isEmpty, "\(type(of: exporter).info.name) rendered nothing")
                    for file in files {
                        let data = (try? file.bytes()) ?? Data()
                        #expect(OutputCheck.problems(path: file.path, data: data).isEmpty, "\(file.path): \(OutputCheck.problems(path: file.path, data: data))")
                    }
                }
            }
        }
        #expect(rendered >= 3, "only \(rendered) of 15 generated inputs were valid source")
    }
}

/// The checks a format's output must pass, whatever the summary: structure the format requires and, for text,
/// no control characters and no line wider than the digest's 72 columns (a URL alone on its line excepted).
enum OutputCheck {
    static func problems(path: String, data: Data) -> [String] {
        var out: [String] = []
        switch (path as NSString).pathExtension {
        case "pdf":
            if !data.starts(with: Array("%PDF-".utf8)) { out.append("no PDF header") }
            if !String(decoding: data.suffix(32), as: UTF8.self).contains("%%EOF") { out.append("no %%EOF") }
        case "epub":
            if !data.starts(with: Array("PK".utf8)) || data.range(of: Data("mimetypeapplication/epub+zip".utf8)) == nil {
                out.append("not an EPUB container with mimetype first")
            }
        case "jsonld":
            if (try? JSONSerialization.jsonObject(with: data)) == nil { out.append("not JSON") }
        case "html":
            let text = String(decoding: data, as: UTF8.self)
            if text.components(separatedBy: "</script").count != 2 { out.append("the script element can end early") }
        case "txt":
            let text = String(decoding: data, as: UTF8.self)
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
                    out.append("control character in \(line)")
                }
                let isURL = line.split(separator: " ").last.map { $0.hasPrefix("https://") || $0.hasPrefix("http://") } ?? false
                if line.unicodeScalars.count > 72, !isURL, line.count > 72 { out.append("line wider than 72: \(line)") }
            }
        default: break
        }
        return out
    }
}
