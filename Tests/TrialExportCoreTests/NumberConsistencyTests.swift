import DigestExport
import EPUBExport
import ExportKit
import Foundation
import PDFExport
import Testing
import TestSupport
@testable import TrialExportCore
import TrialModel
import ZIPFoundation

/// Issue 13 §4: every number the model carries reaches the reader in every full format: the PDF handout
/// (as `pdftotext` extracts it), the EPUB's text and the plain-text digest; and every outcome and section
/// the content plan shows is titled in all three.
@Suite struct NumberConsistencyTests {
    /// PATINA and generated summaries; `TRIALEXPORT_CONSISTENCY_SAMPLES` raises the count (200 in the figures).
    static var library: [LoadedSummary] {
        let count = Int(ProcessInfo.processInfo.environment["TRIALEXPORT_CONSISTENCY_SAMPLES"] ?? "") ?? 12
        let samples = SampleGenerator(seed: 1).summaries(count: count).map {
            LoadedSummary(summary: $0, sourcePath: "sample/\($0.id).yaml", sourceBytes: [])
        }
        return [(try? TestSupport.patina())].compactMap { $0 } + samples
    }

    /// Whitespace runs (line ends, wrapped lines, hyphen-free breaks) as one space, so a phrase that wraps still matches.
    static func normalized(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\u{0C}" }).joined(separator: " ")
    }

    static func epubText(_ data: Data) throws -> String {
        let archive = try Archive(data: data, accessMode: .read)
        guard let entry = archive["EPUB/summary.xhtml"] else { return "" }
        var xhtml = Data()
        _ = try archive.extract(entry) { xhtml.append($0) }
        let body = String(decoding: xhtml, as: UTF8.self)
        // Text nodes only; SVG text counts too (it is real text in the document).
        return body.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
    }

    @Test func everyModelNumberIsInEveryFullFormat() throws {
        let context = TestSupport.context(options: ExportOptions(variants: ["a4"]))
        let pdf = try PDFExporter(context: context), epub = try EPUBExporter(context: context)
        let digest = try DigestExporter(context: context)
        let worker = WorkerCache()
        let dir = try TestSupport.temporaryFolder()
        var checked = 0
        for item in Self.library {
            let pdfFile = dir.appendingPathComponent("\(item.id).pdf")
            try pdf.render(item, variant: "a4", worker: worker)[0].bytes().write(to: pdfFile)
            let texts = [
                "PDF": Self.normalized(try TestSupport.run("pdftotext", ["-enc", "UTF-8", pdfFile.path, "-"]).stdout),
                "EPUB": Self.normalized(try Self.epubText(epub.render(item, variant: "", worker: worker)[0].bytes())),
                "digest": Self.normalized(String(decoding: try digest.render(item, variant: "", worker: worker)[0].bytes(), as: UTF8.self)),
            ]
            let numbers = item.views.statedNumbers(item.summary)
            // What the plan shows is titled alike everywhere: outcome labels and section headings.
            let titles = item.views.plan.outcomeIDs(in: item.summary).compactMap { item.summary.outcome($0)?.label }
                + item.views.plan.parts.compactMap { part -> String? in
                    switch part {
                    case .section(let i): item.summary.sections[i].heading
                    case .outcomes(let group, _): group.heading
                    default: nil
                    }
                }
            for (format, text) in texts {
                for n in numbers { #expect(text.contains(n), "\(item.id): \(format) lacks \(n)") }
                for t in titles { #expect(text.contains(Self.normalized(t)), "\(item.id): \(format) lacks outcome \(t)") }
            }
            checked += numbers.count
        }
        #expect(checked > 0)
    }
}
