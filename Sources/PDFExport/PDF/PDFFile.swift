import CPDFOutput
import Foundation

/// A PDF as cairo 1.16 writes it (one classic cross-reference table, every object numbered with generation 0),
/// edited object by object and written again as a whole new file: objects that did not change are copied as
/// the bytes cairo wrote, only changed and new objects are written anew, then a fresh cross-reference table.
///
/// Replaces a full parse and rewrite by qpdf, which cost a fifth of each handout (docs/performance.md,
/// issue 18): this reads only the objects the finisher asks for.
final class PDFFile {
    private let bytes: [UInt8]
    /// Byte offset of each object by number; nil for numbers not in use.
    private var offsets: [Int?]
    private(set) var trailer: PDFDictionary
    /// Offset of the cross-reference table: where the last object's bytes end.
    private let xrefOffset: Int
    // Per object number (arrays, not hashed sets and dictionaries: every object is looked up when the
    // file is written, and numbers are dense).
    /// Objects read so far, with the finisher's changes applied.
    private var cache: [PDFValue?] = []
    /// Objects to write anew, and streams with their new data (`data` is written as it is).
    private var changed: [Bool] = []
    private var streams: [Int: (dict: PDFDictionary, data: [UInt8])] = [:]
    private var added: [Int] = []
    private var removed: [Bool] = []
    /// Objects whose new bytes are given whole (`deflateLeftoverStreams`).
    private var rewritten: [[UInt8]?] = []

    init(_ data: [UInt8]) throws {
        bytes = data
        guard let start = PDFFile.lastStartXref(data) else { throw PDFError("PDF: no startxref") }
        var p = PDFParser(data, at: start)
        guard p.matches("xref") else { throw PDFError("PDF: the cross-reference table is not a classic table (cairo 1.16 writes one)") }
        xrefOffset = start
        p.i += 4
        offsets = []
        while true {
            p.skipSpace()
            if p.matches("trailer") { p.i += 7; break }
            guard case .int(let first) = try p.value(), case .int(let count) = try p.value() else {
                throw PDFError("PDF: bad cross-reference subsection")
            }
            p.skipSpace()
            if offsets.count < first + count { offsets += Array(repeating: nil, count: first + count - offsets.count) }
            for k in 0..<count {
                let e = p.i + 20 * k
                guard e + 18 <= data.count else { throw PDFError("PDF: truncated cross-reference table") }
                var offset = 0
                for d in 0..<10 { offset = offset * 10 + Int(data[e + d]) - 0x30 }
                offsets[first + k] = data[e + 17] == 0x6E ? offset : nil     // "n": in use
            }
            p.i += 20 * count
        }
        guard case .dict(let t) = try p.value() else { throw PDFError("PDF: no trailer dictionary") }
        guard t["Prev"] == nil else { throw PDFError("PDF: incremental updates are not read") }
        trailer = t
        cache = Array(repeating: nil, count: offsets.count)
        changed = Array(repeating: false, count: offsets.count)
        removed = changed
        rewritten = Array(repeating: nil, count: offsets.count)
    }

    private static func lastStartXref(_ b: [UInt8]) -> Int? {
        let key = Array("startxref".utf8)
        var i = b.count - key.count
        while i >= max(0, b.count - 1024) {
            if b[i] == key[0] && Array(b[i..<(i + key.count)]) == key {
                var p = PDFParser(b, at: i + key.count)
                if case .int(let offset)? = try? p.value(), offset < b.count { return offset }
                return nil
            }
            i -= 1
        }
        return nil
    }

    /// cairo's objects in the order of their bytes, as (number, offset): sorted once, for
    /// `deflateLeftoverStreams` and `write`.
    private lazy var inFileOrder: [(Int, Int)] = offsets.indices.compactMap { n in offsets[n].map { (n, $0) } }.sorted { $0.1 < $1.1 }

    // MARK: Reading

    /// Object `n` (a stream reads as its dictionary).
    func object(_ n: Int) throws -> PDFValue {
        guard n >= 0, n < offsets.count else { return .null }
        if let v = cache[n] { return v }
        guard !removed[n], let offset = offsets[n] else { return .null }
        var p = PDFParser(bytes, at: offset)
        guard try p.objectHeader() == n else { throw PDFError("PDF: object \(n) is not at its offset") }
        let v = try p.value()
        cache[n] = v
        return v
    }

    /// Object `n` read as a structure element without parsing it into a dictionary (`PDFParser.structureElement`),
    /// if it has cairo's plain form and the finisher has not read or changed it; nil otherwise.
    func structureElement(_ n: Int) -> (name: String, parent: Int?, page: Int?, kids: [PDFValue])? {
        guard n >= 0, n < offsets.count, cache[n] == nil, !removed[n], let offset = offsets[n] else { return nil }
        var p = PDFParser(bytes, at: offset)
        guard p.skipObjectHeader(n) else { return nil }
        return p.structureElement()
    }

    /// `v` itself, or the object it refers to.
    func resolve(_ v: PDFValue?) throws -> PDFValue {
        guard let v else { return .null }
        if case .ref(let n) = v { return try object(n) }
        return v
    }

    func dictionary(_ v: PDFValue?) throws -> PDFDictionary { try resolve(v).dict ?? PDFDictionary() }

    /// The decoded data of stream `n` (FlateDecode or none: all cairo writes).
    func streamData(_ n: Int) throws -> [UInt8] {
        guard n < offsets.count, let offset = offsets[n] else { throw PDFError("PDF: no stream \(n)") }
        var p = PDFParser(bytes, at: offset)
        _ = try p.objectHeader()
        guard case .dict(let d) = try p.value(), p.streamFollows() else { throw PDFError("PDF: object \(n) is not a stream") }
        guard case .int(let length) = try resolve(d["Length"]), p.i + length <= bytes.count else {
            throw PDFError("PDF: stream \(n) has no valid /Length")
        }
        let raw = bytes[p.i..<(p.i + length)]
        switch d["Filter"]?.items.map(\.name) ?? [] {
        case []: return Array(raw)
        case ["FlateDecode"]: return try Flate.inflate(raw)
        case let f: throw PDFError("PDF: stream \(n) has filters \(f), not FlateDecode")
        }
    }

    /// Page objects in order (walks the page tree).
    func pages(_ catalog: PDFDictionary) throws -> [Int] {
        var out: [Int] = []
        func walk(_ kids: [PDFValue], depth: Int) throws {
            guard depth < 32 else { throw PDFError("PDF: page tree too deep") }
            for kid in kids {
                guard let n = kid.ref else { continue }
                let d = try dictionary(kid)
                if d["Type"]?.name == "Pages" { try walk(d["Kids"]?.items ?? [], depth: depth + 1) } else { out.append(n) }
            }
        }
        try walk(try dictionary(catalog["Pages"])["Kids"]?.items ?? [], depth: 0)
        return out
    }

    // MARK: Changing

    /// Replaces object `n` (not a stream) with `v`.
    func set(_ n: Int, _ v: PDFValue) {
        // A number the cross-reference table does not have is never written: nothing to change.
        guard n >= 0, n < offsets.count else { return }
        cache[n] = v
        changed[n] = true
    }

    /// Replaces stream `n`'s data with `data`, already encoded with `filter` (nil: none); its other
    /// dictionary entries stay.
    func setStream(_ n: Int, data: [UInt8], filter: String?) throws {
        guard n >= 0, n < offsets.count else { throw PDFError("PDF: no stream \(n)") }
        var d = try dictionary(.ref(n))
        d["Length"] = nil
        d["Filter"] = nil
        d["DecodeParms"] = nil
        if let filter { d["Filter"] = .name(filter) }
        streams[n] = (d, data)
        changed[n] = true
    }

    /// Leaves object `n` out of the written file (nothing refers to it any more).
    func remove(_ n: Int) {
        guard n >= 0, n < offsets.count else { return }
        removed[n] = true
        cache[n] = nil
        rewritten[n] = nil
        changed[n] = false
    }

    /// A new stream object; returns its number.
    func addStream(_ entries: PDFDictionary, data: [UInt8]) -> Int {
        let n = offsets.count
        offsets.append(nil)
        cache.append(nil)
        changed.append(false)
        removed.append(false)
        rewritten.append(nil)
        streams[n] = (entries, data)
        added.append(n)
        return n
    }

    /// Deflates the streams cairo left uncompressed (CAIRO_DEBUG_PDF is set: see CPDFOutput) apart from those
    /// already replaced (the page content) and tiling patterns (which cairo never compresses): Form XObjects
    /// and ToUnicode maps. Each is written as cairo writes a stream it compresses itself (`/Filter /FlateDecode`
    /// on the line after `/Length`, the length in its own object as `   N`), deflated at `Flate.level` through
    /// libdeflate as cairo's own streams are in this process (CFlate).
    func deflateLeftoverStreams() throws {
        let head: StaticString = " 0 obj\n<< /Length "
        // Where each object's bytes end (the next object's offset, or the cross-reference table's), by number.
        var objectEnd = [Int](repeating: 0, count: offsets.count)
        for (k, (n, _)) in inFileOrder.enumerated() { objectEnd[n] = k + 1 < inFileOrder.count ? inFileOrder[k + 1].1 : xrefOffset }
        for (n, offset) in inFileOrder where !removed[n] && !changed[n] {
            // Only streams start `N 0 obj\n<< /Length `: a cheap test before parsing anything.
            var i = offset
            while i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39 { i += 1 }
            guard i + head.utf8CodeUnitCount <= bytes.count,
                  bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress! + i, head.utf8Start, head.utf8CodeUnitCount) }) == 0
            else { continue }
            var p = PDFParser(bytes, at: offset)
            _ = try p.objectHeader()
            guard case .dict(let d) = try p.value(), p.streamFollows(), d["Filter"] == nil, d["PatternType"] == nil,
                  case .ref(let lengthObject)? = d["Length"], lengthObject < offsets.count, !removed[lengthObject],
                  case .int(let length) = try object(lengthObject), p.i + length <= bytes.count else { continue }
            let end = objectEnd[n]
            guard let lineEnd = bytes[(i + head.utf8CodeUnitCount)..<p.i].firstIndex(of: 0x0A) else { continue }
            let data = try Flate.deflate(Array(bytes[p.i..<(p.i + length)]))
            var out: [UInt8] = []
            out.reserveCapacity(end - offset)
            out += bytes[offset...lineEnd]
            out += Array("   /Filter /FlateDecode\n".utf8)
            out += bytes[(lineEnd + 1)..<p.i]
            out += data
            out += bytes[(p.i + length)..<end]
            rewritten[n] = out
            // The length object as cairo writes it, or (written some other way) anew.
            if let o = offsets[lengthObject], case let e = objectEnd[lengthObject], e > o,
               bytes[o..<e].elementsEqual("\(lengthObject) 0 obj\n   \(length)\nendobj\n".utf8) {
                rewritten[lengthObject] = Array("\(lengthObject) 0 obj\n   \(data.count)\nendobj\n".utf8)
            } else {
                changed[lengthObject] = true
            }
            cache[lengthObject] = .int(data.count)
        }
    }

    // MARK: Writing

    /// The whole file: `version` in the header, cairo's objects in cairo's order, new ones after them, a new
    /// cross-reference table, and an /ID derived from everything before the trailer (`fileID`: same input,
    /// same bytes).
    func write(version: String) throws -> Data {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16 << 10)
        var newOffsets = [Int?](repeating: nil, count: offsets.count)
        guard let first = inFileOrder.first else { throw PDFError("PDF: no objects") }
        out += Array("%PDF-\(version)".utf8)
        // Keep cairo's binary-marker comment line.
        var headerEnd = 0
        while headerEnd < first.1 && bytes[headerEnd] != 0x0A && bytes[headerEnd] != 0x0D { headerEnd += 1 }
        out += bytes[headerEnd..<first.1]
        for (k, (n, offset)) in inFileOrder.enumerated() {
            if removed[n] { continue }
            newOffsets[n] = out.count
            if let r = rewritten[n] {
                out += r
            } else if changed[n] {
                writeObject(n, to: &out)
            } else {
                let end = k + 1 < inFileOrder.count ? inFileOrder[k + 1].1 : xrefOffset
                out += bytes[offset..<end]
            }
        }
        for n in added {
            newOffsets[n] = out.count
            writeObject(n, to: &out)
        }
        let xref = out.count
        out.append(contentsOf: "xref\n0 ".utf8)
        PDFValue.appendDecimal(newOffsets.count, to: &out)
        out.append(contentsOf: "\n0000000000 65535 f \n".utf8)
        for offset in newOffsets.dropFirst() {
            if let offset {
                PDFValue.appendDecimal(offset, width: 10, to: &out)
                out.append(contentsOf: " 00000 n \n".utf8)
            } else {
                out.append(contentsOf: "0000000000 65535 f \n".utf8)
            }
        }
        let id = PDFFile.fileID(out)
        var t = PDFDictionary()
        t["Size"] = .int(newOffsets.count)
        t["Root"] = trailer["Root"]
        if let info = trailer["Info"] { t["Info"] = info }
        t["ID"] = .array([.string(id), .string(id)])
        out += Array("trailer\n".utf8)
        PDFValue.dict(t).write(to: &out)
        out += Array("\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return Data(out)
    }

    /// The trailer's /ID for a file whose bytes before the trailer are `bytes`: their 128-bit MurmurHash3 as a
    /// hex string. Deterministic, and different whenever any of those bytes differ (barring a 2^-128 chance);
    /// an /ID is a file identifier, not a signature, so a cryptographic hash buys nothing here, and MD5 over
    /// the whole file cost ~0.67 M instructions a handout (file_id.c).
    static func fileID(_ bytes: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 16)
        bytes.withUnsafeBytes { trialexport_murmur3_x64_128($0.baseAddress, $0.count, 0, &digest) }
        let hex = Array("0123456789abcdef".utf8)
        var id: [UInt8] = [0x3C]
        for byte in digest { id.append(hex[Int(byte >> 4)]); id.append(hex[Int(byte & 15)]) }
        id.append(0x3E)
        return id
    }

    private func writeObject(_ n: Int, to out: inout [UInt8]) {
        PDFValue.appendDecimal(n, to: &out)
        out.append(contentsOf: " 0 obj\n".utf8)
        if let s = streams[n] {
            var d = s.dict
            d["Length"] = .int(s.data.count)
            PDFValue.dict(d).write(to: &out)
            out.append(contentsOf: "\nstream\n".utf8)
            out += s.data
            out.append(contentsOf: "\nendstream".utf8)
        } else {
            (cache[n] ?? .null).write(to: &out)
        }
        out.append(contentsOf: "\nendobj\n".utf8)
    }
}
