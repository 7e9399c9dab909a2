import ExportKit
import Foundation

/// The characters a TrueType/OpenType font file maps to glyphs, read from its `cmap` table alone (the Unicode
/// subtable of format 12, else of format 4). `ScriptFont` asks it which of the Chinese faces a summary needs
/// before loading either: reading the table directory and `cmap` of the 16 MB face takes well under a
/// millisecond, where loading the face into Fontconfig and Pango takes a hundred.
struct CharacterMap: Sendable {
    /// Sorted, non-overlapping closed ranges of code points.
    private let ranges: [ClosedRange<UInt32>]

    func contains(_ u: Unicode.Scalar) -> Bool {
        var lo = 0, hi = ranges.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if ranges[mid].upperBound < u.value { lo = mid + 1 } else { hi = mid }
        }
        return lo < ranges.count && ranges[lo].contains(u.value)
    }

    var count: Int { ranges.reduce(0) { $0 + $1.count } }

    init(file: URL) throws {
        let handle: FileHandle
        do { handle = try FileHandle(forReadingFrom: file) } catch { throw Self.problem(file, "cannot be read") }
        defer { try? handle.close() }
        func read(_ offset: Int, _ length: Int) throws -> [UInt8] {
            try handle.seek(toOffset: UInt64(offset))
            let bytes = [UInt8](try handle.read(upToCount: length) ?? Data())
            guard bytes.count == length else { throw Self.problem(file, "is truncated") }
            return bytes
        }
        let header = try read(0, 12)
        let tables = Self.u16(header, 4)
        let directory = try read(12, 16 * tables)
        guard let record = (0..<tables).map({ 16 * $0 }).first(where: { Self.u32(directory, $0) == 0x636D_6170 }) else {
            throw Self.problem(file, "has no cmap table")
        }
        let cmap = try read(Self.u32(directory, record + 8), Self.u32(directory, record + 12))
        ranges = try Self.ranges(cmap, file: file)
    }

    /// The best Unicode subtable: format 12 (all planes) from platform 3 encoding 10 or platform 0, else format
    /// 4 (the Basic Multilingual Plane) from platform 3 encoding 1 or platform 0.
    private static func ranges(_ b: [UInt8], file: URL) throws -> [ClosedRange<UInt32>] {
        guard b.count >= 4 else { throw problem(file, "has an empty cmap table") }
        var format4: Int?
        for i in 0..<u16(b, 2) {
            let r = 4 + 8 * i
            guard r + 8 <= b.count else { break }
            let platform = u16(b, r), encoding = u16(b, r + 2), offset = u32(b, r + 4)
            guard offset + 2 <= b.count, platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10)) else { continue }
            switch u16(b, offset) {
            case 12: return try format12(b, offset, file: file)
            case 4: format4 = format4 ?? offset
            default: continue
            }
        }
        guard let format4 else { throw problem(file, "has no Unicode cmap subtable of format 4 or 12") }
        return try format4Ranges(b, format4, file: file)
    }

    private static func format12(_ b: [UInt8], _ o: Int, file: URL) throws -> [ClosedRange<UInt32>] {
        guard o + 16 <= b.count else { throw problem(file, "has a truncated cmap subtable") }
        let groups = u32(b, o + 12)
        guard o + 16 + 12 * groups <= b.count else { throw problem(file, "has a truncated cmap subtable") }
        var out: [ClosedRange<UInt32>] = []
        for g in 0..<groups {
            let start = UInt32(u32(b, o + 16 + 12 * g)), end = UInt32(u32(b, o + 20 + 12 * g))
            if start <= end { out.append(start...end) }
        }
        return merged(out)
    }

    /// Format 4: a segment maps its characters through idDelta or the glyph id array; a character mapped to
    /// glyph 0 has no glyph.
    private static func format4Ranges(_ b: [UInt8], _ o: Int, file: URL) throws -> [ClosedRange<UInt32>] {
        guard o + 14 <= b.count else { throw problem(file, "has a truncated cmap subtable") }
        let segments = u16(b, o + 6) / 2
        let ends = o + 14, starts = ends + 2 * segments + 2, deltas = starts + 2 * segments, offsets = deltas + 2 * segments
        guard offsets + 2 * segments <= b.count else { throw problem(file, "has a truncated cmap subtable") }
        var out: [ClosedRange<UInt32>] = []
        for s in 0..<segments {
            let start = u16(b, starts + 2 * s), end = u16(b, ends + 2 * s)
            let delta = u16(b, deltas + 2 * s), rangeOffset = u16(b, offsets + 2 * s)
            guard start <= end, start != 0xFFFF else { continue }
            for c in start...end {
                let glyph: Int
                if rangeOffset == 0 {
                    glyph = (c + delta) & 0xFFFF
                } else {
                    let at = offsets + 2 * s + rangeOffset + 2 * (c - start)
                    guard at + 2 <= b.count else { continue }
                    let g = u16(b, at)
                    glyph = g == 0 ? 0 : (g + delta) & 0xFFFF
                }
                if glyph != 0 { out.append(UInt32(c)...UInt32(c)) }
            }
        }
        return merged(out)
    }

    private static func merged(_ ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        var out: [ClosedRange<UInt32>] = []
        for r in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = out.last, r.lowerBound <= last.upperBound &+ 1 {
                out[out.count - 1] = last.lowerBound...max(last.upperBound, r.upperBound)
            } else {
                out.append(r)
            }
        }
        return out
    }

    private static func u16(_ b: [UInt8], _ o: Int) -> Int { Int(b[o]) << 8 | Int(b[o + 1]) }
    private static func u32(_ b: [UInt8], _ o: Int) -> Int {
        Int(b[o]) << 24 | Int(b[o + 1]) << 16 | Int(b[o + 2]) << 8 | Int(b[o + 3])
    }

    private static func problem(_ file: URL, _ what: String) -> ExportError {
        .configuration("\(file.path): error: the font file \(what); restore it from the font's release")
    }
}
