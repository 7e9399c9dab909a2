/// A PDF object as the finisher reads and writes it. Numbers, names and strings keep the bytes cairo wrote,
/// so an object read and written back unchanged keeps its values exactly.
///
/// Not `indirect`: arrays and dictionaries already hold their items in array storage, and an indirect enum
/// allocates a box for every value, integers and references included (~2,300 boxes a handout's structure
/// tree, docs/performance.md "Issue 18, sixth round: PDF").
enum PDFValue: Equatable {
    case null
    case bool(Bool)
    case int(Int)
    /// A real number, as written.
    case real([UInt8])
    /// A name without its slash, as written (`#xx` escapes kept).
    case name(String)
    /// A string token with its delimiters, as written: `(…)` or `<…>`.
    case string([UInt8])
    /// An indirect reference: object number (generation 0; cairo writes no other).
    case ref(Int)
    case array([PDFValue])
    case dict(PDFDictionary)

    // Written out: the synthesised conformance meets a circular reference through PDFDictionary (Swift 6.3).
    static func == (a: PDFValue, b: PDFValue) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case (.bool(let x), .bool(let y)): x == y
        case (.int(let x), .int(let y)): x == y
        case (.real(let x), .real(let y)): x == y
        case (.name(let x), .name(let y)): x == y
        case (.string(let x), .string(let y)): x == y
        case (.ref(let x), .ref(let y)): x == y
        case (.array(let x), .array(let y)): x == y
        case (.dict(let x), .dict(let y)): x == y
        default: false
        }
    }

    var int: Int? { if case .int(let i) = self { i } else { nil } }
    var ref: Int? { if case .ref(let n) = self { n } else { nil } }
    var name: String? { if case .name(let n) = self { n } else { nil } }
    var dict: PDFDictionary? { if case .dict(let d) = self { d } else { nil } }
    /// Array items; a single value reads as a one-item array (PDF's /K and /Contents may be either).
    var items: [PDFValue] {
        switch self {
        case .array(let a): a
        case .null: []
        default: [self]
        }
    }

    /// A text string: printable ASCII as a literal string, anything else as UTF-16BE with its byte order mark.
    static func text(_ s: String) -> PDFValue {
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            var out: [UInt8] = [0x28]
            out.reserveCapacity(s.utf8.count + 8)
            for c in s.utf8 {
                if c == 0x28 || c == 0x29 || c == 0x5C { out.append(0x5C) }
                out.append(c)
            }
            out.append(0x29)
            return .string(out)
        }
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = Array("<FEFF".utf8)
        out.reserveCapacity(6 + 4 * s.utf8.count)
        for unit in s.utf16 {
            // Four digits written out: a `[12, 8, 4, 0]` loop allocated its array for every unit.
            out.append(hex[Int(unit >> 12) & 0xF]); out.append(hex[Int(unit >> 8) & 0xF])
            out.append(hex[Int(unit >> 4) & 0xF]); out.append(hex[Int(unit) & 0xF])
        }
        out.append(0x3E)
        return .string(out)
    }

    /// The text of a string token: UTF-16BE after a byte order mark, else PDFDocEncoding read as Latin-1
    /// (they agree on everything cairo writes there).
    var text: String? {
        guard case .string(let raw) = self else { return nil }
        let bytes = PDFValue.stringBytes(raw)
        if bytes.count >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF {
            let units = stride(from: 2, to: bytes.count - 1, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
            return String(decoding: units, as: UTF16.self)
        }
        return String(bytes.map { Character(Unicode.Scalar($0)) })
    }

    /// The bytes a string token stands for: escapes of a literal string resolved, a hex string decoded.
    static func stringBytes(_ raw: [UInt8]) -> [UInt8] {
        guard raw.count >= 2 else { return [] }
        let body = raw[1..<(raw.count - 1)]
        var out: [UInt8] = []
        if raw[0] == 0x3C {
            var high: UInt8?
            for c in body {
                guard let v = hexValue(c) else { continue }
                if let h = high { out.append(h << 4 | v); high = nil } else { high = v }
            }
            if let h = high { out.append(h << 4) }
            return out
        }
        var i = body.startIndex
        while i < body.endIndex {
            let c = body[i]
            i += 1
            guard c == 0x5C, i < body.endIndex else { out.append(c); continue }
            let e = body[i]
            i += 1
            switch e {
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x0D: if i < body.endIndex && body[i] == 0x0A { i += 1 }    // line continuation
            case 0x0A: break
            case 0x30...0x37:
                var v = Int(e - 0x30)
                for _ in 0..<2 where i < body.endIndex && (0x30...0x37).contains(body[i]) {
                    v = v * 8 + Int(body[i] - 0x30)
                    i += 1
                }
                out.append(UInt8(v & 0xFF))
            default: out.append(e)
            }
        }
        return out
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: c - 0x30
        case 0x41...0x46: c - 0x41 + 10
        case 0x61...0x66: c - 0x61 + 10
        default: nil
        }
    }

    /// Appends the object's PDF syntax.
    func write(to out: inout [UInt8]) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): PDFValue.appendDecimal(i, to: &out)
        case .real(let r): out += r
        case .name(let n): out.append(0x2F); out.append(contentsOf: n.utf8)
        case .string(let s): out += s
        case .ref(let n): PDFValue.appendDecimal(n, to: &out); out.append(contentsOf: " 0 R".utf8)
        case .array(let items):
            out.append(0x5B)
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(0x20) }
                item.write(to: &out)
            }
            out.append(0x5D)
        case .dict(let d):
            out.append(0x3C); out.append(0x3C)
            for e in d.entries {
                out.append(0x20); out.append(0x2F)
                out.append(contentsOf: e.key.utf8)
                out.append(0x20)
                e.value.write(to: &out)
            }
            out.append(0x20); out.append(0x3E); out.append(0x3E)
        }
    }

    /// `n` in decimal, at least `width` digits (zero-padded), without building a String.
    static func appendDecimal(_ n: Int, width: Int = 1, to out: inout [UInt8]) {
        if n < 0 { out.append(0x2D) }
        let v = n.magnitude
        var count = 1, power: UInt = 1
        while power <= v / 10 { power *= 10; count += 1 }
        for _ in count..<max(width, count) { out.append(0x30) }
        while power > 0 { out.append(UInt8((v / power) % 10) + 0x30); power /= 10 }
    }
}

/// A dictionary that keeps its entries in the order read or added, so what is written is deterministic.
struct PDFDictionary: Equatable {
    struct Entry {
        var key: String
        var value: PDFValue
    }

    var entries: [Entry] = []

    init() {}

    init(_ entries: KeyValuePairs<String, PDFValue>) {
        self.entries = entries.map { Entry(key: $0.key, value: $0.value) }
    }

    /// `key` without its slash; setting nil removes the entry.
    subscript(key: String) -> PDFValue? {
        get { entries.first { $0.key == key }?.value }
        set {
            if let i = entries.firstIndex(where: { $0.key == key }) {
                if let newValue { entries[i].value = newValue } else { entries.remove(at: i) }
            } else if let newValue {
                entries.append(Entry(key: key, value: newValue))
            }
        }
    }

    static func == (a: PDFDictionary, b: PDFDictionary) -> Bool {
        a.entries.count == b.entries.count && zip(a.entries, b.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}
