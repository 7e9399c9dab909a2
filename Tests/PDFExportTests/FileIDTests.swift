import CPDFOutput
import Foundation
@testable import PDFExport
import Testing
import TestSupport

/// The trailer's /ID: MurmurHash3 x64 128 of the bytes before the trailer (file_id.c), the same for the same
/// file and different for a different one.
@Suite struct FileIDTests {
    static func murmur(_ bytes: [UInt8], seed: UInt32 = 0) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 16)
        bytes.withUnsafeBytes { trialexport_murmur3_x64_128($0.baseAddress, $0.count, seed, &out) }
        return out
    }

    /// SMHasher's verification value for MurmurHash3_x64_128 (keys {}, {0}, {0,1}, … of 0–255 bytes hashed with
    /// seed 256 − length, their hashes hashed with seed 0: the first four bytes little-endian), and two published
    /// digests: every tail length and block path is in the first.
    @Test func murmurHashMatchesTheReference() {
        var key = [UInt8](repeating: 0, count: 256), hashes: [UInt8] = []
        for i in 0..<256 {
            key[i] = UInt8(i)
            hashes += Self.murmur(Array(key[0..<i]), seed: UInt32(256 - i))
        }
        let final = Self.murmur(hashes)
        let verification = UInt32(final[0]) | UInt32(final[1]) << 8 | UInt32(final[2]) << 16 | UInt32(final[3]) << 24
        #expect(verification == 0x6384_BA69, "\(String(verification, radix: 16))")
        let hex = { (b: [UInt8]) in b.map { String(format: "%02x", $0) }.joined() }
        #expect(hex(Self.murmur(Array("The quick brown fox jumps over the lazy dog".utf8))) == "6c1b07bc7bbc4be347939ac4a93c437a")
        #expect(hex(Self.murmur(Array("foo".utf8))) == "6145f501578671e2877dba2be487af7e")
    }

    /// A written file's /ID is the hash of everything before `trailer`; one changed byte there changes it.
    @Test func idIsTheHashOfTheFileBeforeTheTrailer() throws {
        let out = [UInt8](try PDFFile([UInt8](try PDFFileTests.cairoPDF())).write(version: "1.7"))
        // Bytes, not a String: the file holds binary streams.
        let key = Array("trailer\n".utf8)
        let at = try #require((0...(out.count - key.count)).last { Array(out[$0..<($0 + key.count)]) == key })
        let before = Array(out[..<at]), trailer = String(decoding: out[at...], as: UTF8.self)
        let id = String(decoding: PDFFile.fileID(before), as: UTF8.self)
        #expect(id.count == 34 && id.hasPrefix("<") && id.hasSuffix(">"))
        #expect(trailer.contains("/ID [\(id) \(id)]"), "\(trailer)")
        var changed = before
        changed[changed.count / 2] ^= 1
        #expect(PDFFile.fileID(changed) != PDFFile.fileID(before))
    }

    /// Two handouts that differ only in a structure attribute (a link's description) get different IDs; the same
    /// input twice, the same.
    @Test func differentFinishedFilesGetDifferentIDs() throws {
        let pdf = try PDFFileTests.cairoPDF()
        let metadata = PDFMetadata(try TestSupport.patina(), settings: .defaults, toolVersion: "test")
        func finished(_ contents: String) throws -> String {
            let notes = [StructureNote(name: "Document"), StructureNote(name: "P"),
                         StructureNote(name: "Link", contents: contents), StructureNote(name: "P", continues: true)]
            let out = String(decoding: try PDFUAFinisher(notes: notes, metadata: metadata, language: "en").finish(pdf), as: UTF8.self)
            let id = try #require(out.range(of: "/ID ["))
            return String(out[id.lowerBound...].prefix(71))
        }
        #expect(try finished("example") == (try finished("example")))
        #expect(try finished("example") != (try finished("examples")))
    }
}
