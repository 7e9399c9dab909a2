import Foundation
import Testing
@testable import EPUBExport
import TestSupport
import TrialModel
import ZIPFoundation

/// The EPUB's own ZIP writer, checked against ZIPFoundation: its archives read back entry by entry (CRC-32
/// compared), and its headers are the ones ZIPFoundation wrote for the EPUB before.
@Suite struct ZIPWriterTests {
    /// Text that deflates, bytes that do not, an empty entry, a UTF-8 name and a stored entry.
    static let entries: [(path: String, data: Data, compress: Bool)] = {
        var random = SeededRandom(seed: 1)
        let noise = Data((0..<200_000).map { _ in UInt8.random(in: 0...255, using: &random) })
        let text = Data(String(repeating: "<p>Das Medikament wirkte bei 42 von 100 Menschen.</p>\n", count: 3_000).utf8)
        return [("mimetype", Data("application/epub+zip".utf8), false), ("EPUB/text.xhtml", text, true),
                ("EPUB/noise.bin", noise, true), ("EPUB/empty.css", Data(), true), ("EPUB/grüße.xhtml", text.prefix(999), true)]
    }()

    static func written(_ modified: Day) throws -> Data {
        let zip = ZIPWriter(modified: modified)
        for e in entries { try zip.add(e.path, e.data, compress: e.compress) }
        return try zip.finish()
    }

    @Test func readsBackWithZIPFoundation() throws {
        let archive = try Archive(data: try Self.written(Day("2024-03-09")!), accessMode: .read)
        let read = Array(archive)
        #expect(read.map(\.path) == Self.entries.map(\.path))
        for (entry, expected) in zip(read, Self.entries) {
            var data = Data()
            // ZIPFoundation returns the CRC-32 of what it extracted; the caller compares it with the headers'.
            let crc = try archive.extract(entry, skipCRC32: false) { data.append($0) }
            #expect(crc == entry.checksum, "\(entry.path)")
            #expect(data == expected.data, "\(entry.path)")
            #expect(entry.type == .file)
            #expect(entry.isCompressed == expected.compress, "\(entry.path)")
        }
        #expect(read[1].compressedSize < read[1].uncompressedSize / 10)
    }

    /// Stored entries hold the same bytes whoever writes them, so an archive of stored entries must come out
    /// as ZIPFoundation wrote it, header field for header field, date clamping included. Serialized: ZIPFoundation
    /// converts the date with `gmtime`, whose buffer every thread shares, so cases run side by side could read
    /// each other's year (CI failed once on byte 13, the year bits of the first header's date).
    @Test(.serialized, arguments: ["2020-07-18", "1975-01-31", "2150-12-01", "2099-12-31"])
    func storedEntriesAreByteIdenticalToZIPFoundation(_ day: String) throws {
        let modified = Day(day)!
        let ours = ZIPWriter(modified: modified)
        let theirs = try Archive(data: Data(), accessMode: .create)
        let date = Date(timeIntervalSince1970: TimeInterval(modified.daysSinceEpoch) * 86_400)
        for e in Self.entries {
            try ours.add(e.path, e.data, compress: false)
            try theirs.addEntry(with: e.path, type: .file, uncompressedSize: Int64(e.data.count), modificationDate: date,
                                permissions: 0o644, compressionMethod: .none) { position, size in
                e.data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        let a = try ours.finish(), b = try #require(theirs.data)
        #expect(a.count == b.count)
        let first = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        #expect(first == nil, "first differing byte at \(String(describing: first))")
    }

    /// The collection is written into its file as it goes (flushed every `flushSize` bytes): the same bytes.
    @Test func streamedFileEqualsMemory() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("big.epub")
        let day = Day("2024-03-09")!
        let memory = ZIPWriter(modified: day)
        let file = try ZIPWriter(url: url, modified: day)
        var random = SeededRandom(seed: 2)
        for k in 0..<12 {
            let chunk = Data((0..<150_000).map { _ in UInt8.random(in: 0...15, using: &random) })
            try memory.add("EPUB/\(k).bin", chunk, compress: k % 3 != 0)
            try file.add("EPUB/\(k).bin", chunk, compress: k % 3 != 0)
        }
        let bytes = try memory.finish()
        #expect(try file.finish().isEmpty)
        #expect(bytes.count > ZIPWriter.flushSize)
        #expect(try Data(contentsOf: url) == bytes)
        #expect(throws: (any Error).self) { try ZIPWriter(url: url, modified: day) }
    }
}
