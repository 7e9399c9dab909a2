import ExportKit
import Foundation

/// Checks that a TrueType/OpenType file holds every table its directory lists. A truncated file can still load
/// (the header is intact), and Fontconfig would then fall back to another face without a word.
enum FontFileCheck {
    static func check(_ file: URL) throws {
        guard let data = try? Data(contentsOf: file) else { throw problem(file, "cannot be read") }
        let b = [UInt8](data)
        func u16(_ o: Int) -> Int { Int(b[o]) << 8 | Int(b[o + 1]) }
        func u32(_ o: Int) -> Int { Int(b[o]) << 24 | Int(b[o + 1]) << 16 | Int(b[o + 2]) << 8 | Int(b[o + 3]) }
        guard b.count >= 12 else { throw problem(file, "is not a font file (\(b.count) bytes)") }
        let tag = u32(0)
        guard [0x0001_0000, 0x4F54_544F, 0x7472_7565].contains(tag) else {   // TrueType, 'OTTO', 'true'
            throw problem(file, "is not a TrueType or OpenType font")
        }
        let tables = u16(4)
        guard b.count >= 12 + 16 * tables else { throw problem(file, "is truncated: its table directory is incomplete") }
        for i in 0..<tables {
            let record = 12 + 16 * i
            let end = u32(record + 8) + u32(record + 12)
            if end > b.count {
                let name = String(decoding: b[record..<(record + 4)], as: UTF8.self)
                throw problem(file, "is truncated: table '\(name)' ends at byte \(end) but the file has \(b.count) bytes")
            }
        }
    }

    private static func problem(_ file: URL, _ what: String) -> ExportError {
        .configuration("\(file.path): error: the font file \(what); restore it from the font's release")
    }
}
