import Foundation
import Testing
@testable import PDFExport
import TestSupport

@Suite struct SmokeTests {
    @Test func rendersPatina() throws {
        let (url, result) = try Handout.patina("a4")
        print("PATINA a4: \(url.path) pages=\(result.pageCount) unknown=\(result.unknownGlyphs) bytes=\(result.pdf.count)")
        let (url2, r2) = try Handout.patina("large-print")
        print("PATINA large-print: \(url2.path) pages=\(r2.pageCount) bytes=\(r2.pdf.count)")
        try? FileManager.default.removeItem(atPath: "/tmp/pdfout")
        try FileManager.default.createDirectory(atPath: "/tmp/pdfout", withIntermediateDirectories: true)
        try result.pdf.write(to: URL(fileURLWithPath: "/tmp/pdfout/a4.pdf"))
        try r2.pdf.write(to: URL(fileURLWithPath: "/tmp/pdfout/large-print.pdf"))
        #expect(result.unknownGlyphs == 0)
    }
}
