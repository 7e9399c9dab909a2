import CPangoCairo
import CPDFOutput
import Foundation
import Testing
import TestSupport

/// libcairo's reads of a registered face's tables are copied from the font's bytes in memory
/// (CPDFOutput/cairo_sfnt.c), with FreeType's answers: the same status, length and bytes for every read.
@Suite struct CairoTableReadTests {
    static let fonts = TestSupport.repoRoot.appendingPathComponent("fonts")
    static func tag(_ s: String) -> UInt { s.utf8.reduce(0) { $0 << 8 | UInt($1) } }

    /// Never freed: the registry keeps the faces' addresses for the life of the process.
    static func open(_ file: String) throws -> FT_Face {
        var library: FT_Library?
        #expect(FT_Init_FreeType(&library) == 0)
        var face: FT_Face?
        #expect(FT_New_Face(library, fonts.appendingPathComponent(file).path, 0, &face) == 0)
        return try #require(face)
    }

    static func read(_ face: FT_Face, _ tag: UInt, at offset: Int, length: UInt, asCairo: Bool) -> (Int32, UInt, [UInt8]) {
        var length = length
        var bytes = [UInt8](repeating: 0xEE, count: Int(max(length, 1)))
        let status = asCairo ? trialexport_load_sfnt_table_as_cairo(UnsafeMutableRawPointer(face), tag, offset, &bytes, &length)
                             : trialexport_load_sfnt_table(UnsafeMutableRawPointer(face), tag, offset, &bytes, &length)
        return (status, length, bytes)
    }

    @Test(arguments: ["NotoSansArabic-Bold.ttf", "AtkinsonHyperlegible-Regular.ttf", "NotoSansSCCommon-Regular.otf"])
    func readsFromMemoryAreFreeTypesReads(file: String) throws {
        let face = try Self.open(file)
        let stream = try #require(face.pointee.stream)
        #expect(trialexport_cairo_face_bytes(UnsafeRawPointer(face), stream.pointee.base, stream.pointee.size) == 1)
        for name in ["glyf", "hmtx", "loca", "head", "hhea", "maxp", "post", "name", "GPOS", "ABCD"] {
            let tag = Self.tag(name)
            var size: UInt = 0
            let found = trialexport_load_sfnt_table(UnsafeMutableRawPointer(face), tag, 0, nil, &size)
            let n = Int(size)
            // Sizes first (length 0), then reads inside, at the end and past the end of the table.
            var reads: [(Int, UInt)] = [(0, 0), (17, 0)]
            if found == 0 {
                reads += [(0, UInt(min(n, 64))), (n / 3, 4), (n - 4, 4), (n - 1, 1), (n, 0), (max(n - 2, 0), 4), (n + 8, 4)]
            }
            for (offset, length) in reads {
                let cairo = Self.read(face, tag, at: offset, length: length, asCairo: true)
                let freetype = Self.read(face, tag, at: offset, length: length, asCairo: false)
                #expect(cairo.0 == freetype.0 && cairo.1 == freetype.1, "\(file) \(name) at \(offset), \(length)")
                #expect(cairo.0 != 0 || cairo.2 == freetype.2, "\(file) \(name) at \(offset), \(length)")
            }
        }
    }

    /// The copy comes from the registered bytes, not from FreeType: a face registered with altered bytes shows the
    /// change to libcairo only. Bytes that are not one plain sfnt font are refused.
    @Test func readsComeFromTheRegisteredBytes() throws {
        let face = try Self.open("NotoSansHebrew-Regular.ttf")
        let stream = try #require(face.pointee.stream)
        let size = Int(stream.pointee.size)
        let copy = UnsafeMutablePointer<UInt8>.allocate(capacity: size)   // kept: registered for the process's life
        copy.update(from: stream.pointee.base, count: size)
        let glyf = Self.tag("glyf")
        var length: UInt = 0
        #expect(trialexport_load_sfnt_table(UnsafeMutableRawPointer(face), glyf, 0, nil, &length) == 0 && length > 100)
        let original = Self.read(face, glyf, at: 10, length: 1, asCairo: false).2[0]
        // The glyf table's offset, from the table directory.
        let count = Int(copy[4]) << 8 | Int(copy[5])
        let record = try #require((0..<count).map { 12 + 16 * $0 }.first { r in (0..<4).allSatisfy { copy[r + $0] == Array("glyf".utf8)[$0] } })
        let offset = (0..<4).reduce(0) { $0 << 8 | Int(copy[record + 8 + $1]) }
        copy[offset + 10] = original ^ 0xFF
        #expect(trialexport_cairo_face_bytes(UnsafeRawPointer(face), copy, UInt(size)) == 1)
        #expect(Self.read(face, glyf, at: 10, length: 1, asCairo: true).2[0] == original ^ 0xFF)
        #expect(Self.read(face, glyf, at: 10, length: 1, asCairo: false).2[0] == original)

        let other = try Self.open("NotoSansHebrew-Bold.ttf")
        var collection: [UInt8] = Array("ttcf".utf8) + [0, 1, 0, 0] + [UInt8](repeating: 0, count: 32)
        #expect(trialexport_cairo_face_bytes(UnsafeRawPointer(other), &collection, UInt(collection.count)) == 0)
        var damaged = Array(UnsafeBufferPointer(start: copy, count: 12 + 16)) // a directory that claims more tables
        #expect(trialexport_cairo_face_bytes(UnsafeRawPointer(other), &damaged, UInt(damaged.count)) == 0)
    }
}
