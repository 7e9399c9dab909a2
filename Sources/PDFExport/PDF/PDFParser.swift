/// Reads PDF objects (ISO 32000-1 7.3) from bytes, from a given offset. Only the objects the finisher
/// changes are ever parsed; everything else is copied as bytes.
struct PDFParser {
    let b: [UInt8]
    var i: Int

    init(_ bytes: [UInt8], at offset: Int) { b = bytes; i = offset }

    /// `N G obj` at the current position; returns N and leaves the position after `obj`.
    mutating func objectHeader() throws -> Int {
        guard case .int(let n) = try token(), case .int = try token(), try keyword() == "obj" else {
            throw PDFError("PDF: no object at offset \(i)")
        }
        return n
    }

    /// `N 0 obj` for this `n` at the current position, read on bytes (no tokens); the position is left after
    /// `obj`. false (position unspecified) for anything else.
    mutating func skipObjectHeader(_ n: Int) -> Bool {
        guard case .int(n)? = integerOrReference() else { return false }
        skipSpace()
        guard matches("0"), i + 1 < b.count, isSpace(b[i + 1]) else { return false }
        i += 1
        skipSpace()
        guard matches("obj"), i + 3 == b.count || isDelimiterOrSpace(b[i + 3]) else { return false }
        i += 3
        return true
    }

    mutating func value() throws -> PDFValue {
        let v = try token()
        // `N G R` is a reference: two integers followed by R.
        if case .int(let n) = v, referenceFollows() { return .ref(n) }
        return v
    }

    /// After an integer: whether a generation number and `R` follow (consumed if so). Looks ahead without
    /// throwing: most integers are not references.
    private mutating func referenceFollows() -> Bool {
        let save = i
        skipSpace()
        let digits = i
        while i < b.count && b[i] >= 0x30 && b[i] <= 0x39 { i += 1 }
        if i > digits && i < b.count && isSpace(b[i]) {
            skipSpace()
            if i < b.count && b[i] == 0x52 && (i + 1 == b.count || isDelimiterOrSpace(b[i + 1])) {
                i += 1
                return true
            }
        }
        i = save
        return false
    }

    /// Whether the next token is `stream`; if so, the position is left at the first byte of the data.
    mutating func streamFollows() -> Bool {
        skipSpace()
        guard matches("stream") else { return false }
        i += 6
        if i < b.count && b[i] == 0x0D { i += 1 }
        if i < b.count && b[i] == 0x0A { i += 1 }
        return true
    }

    private mutating func token() throws -> PDFValue {
        skipSpace()
        guard i < b.count else { throw PDFError("PDF: unexpected end of file") }
        let c = b[i]
        switch c {
        case 0x2F:  // /name
            i += 1
            let start = i
            while i < b.count && !isDelimiterOrSpace(b[i]) { i += 1 }
            return .name(String(decoding: b[start..<i], as: UTF8.self))
        case 0x28:  // (string)
            let start = i
            var level = 0
            while i < b.count {
                let x = b[i]
                if x == 0x5C { i += 2; continue }
                if x == 0x28 { level += 1 } else if x == 0x29 { level -= 1; if level == 0 { i += 1; break } }
                i += 1
            }
            return .string(Array(b[start..<min(i, b.count)]))
        case 0x3C:
            if i + 1 < b.count && b[i + 1] == 0x3C {
                i += 2
                var d = PDFDictionary()
                // Room for a structure element's entries (Type, S, P, Pg, K, A and two more): growing 1, 2, 4, 8
                // cost more than parsing them.
                d.entries.reserveCapacity(8)
                while true {
                    skipSpace()
                    guard i < b.count else { throw PDFError("PDF: unterminated dictionary") }
                    if b[i] == 0x3E { i += 2; return .dict(d) }
                    guard case .name(let key) = try token() else { throw PDFError("PDF: dictionary key is not a name at \(i)") }
                    let v = try value()
                    d.entries.append(PDFDictionary.Entry(key: key, value: v))
                }
            }
            let start = i
            while i < b.count && b[i] != 0x3E { i += 1 }
            i += 1
            return .string(Array(b[start..<min(i, b.count)]))
        case 0x5B:
            i += 1
            var items: [PDFValue] = []
            while true {
                skipSpace()
                guard i < b.count else { throw PDFError("PDF: unterminated array") }
                if b[i] == 0x5D { i += 1; return .array(items) }
                items.append(try value())
            }
        default:
            let start = i
            while i < b.count && !isDelimiterOrSpace(b[i]) { i += 1 }
            let word = b[start..<i]
            guard !word.isEmpty else { throw PDFError("PDF: unexpected byte \(c) at \(start)") }
            if let n = integer(word) { return .int(n) }
            let first = word.first!
            if first == 0x2B || first == 0x2D || first == 0x2E || (first >= 0x30 && first <= 0x39) { return .real(Array(word)) }
            switch String(decoding: word, as: UTF8.self) {
            case "true": return .bool(true)
            case "false": return .bool(false)
            case "null": return .null
            case let k: i = start; throw PDFError("PDF: unexpected keyword \(k) at \(start)")
            }
        }
    }

    /// A structure element dictionary as cairo 1.16 writes it, read without building the dictionary: only
    /// /Type, /S (a name), /P and /Pg (references) and /K (an MCID, a reference, or an array of those). nil for
    /// anything else (another key, an MCR or OBJR dictionary among the kids, /S missing): the caller then parses
    /// the object as a whole. Used on every element of every handout's structure tree; most are never changed.
    mutating func structureElement() -> (name: String, parent: Int?, page: Int?, kids: [PDFValue])? {
        skipSpace()
        guard matches("<<") else { return nil }
        i += 2
        var name: String?, parent: Int?, page: Int?, kids: [PDFValue] = [], hasKids = false
        while true {
            skipSpace()
            guard i < b.count else { return nil }
            if b[i] == 0x3E { return matches(">>") ? name.map { ($0, parent, page, kids) } : nil }
            guard b[i] == 0x2F else { return nil }
            i += 1
            let key = i
            while i < b.count && !isDelimiterOrSpace(b[i]) { i += 1 }
            let keyLength = i - key
            skipSpace()
            switch keyLength {
            case 4 where b[key] == 0x54 && b[key + 1] == 0x79 && b[key + 2] == 0x70 && b[key + 3] == 0x65:   // Type
                guard skipName() != nil else { return nil }
            case 1 where b[key] == 0x53:                                                                     // S
                guard name == nil, let n = skipName() else { return nil }
                name = String(decoding: b[n], as: UTF8.self)
            case 1 where b[key] == 0x50:                                                                     // P
                guard parent == nil, let n = reference() else { return nil }
                parent = n
            case 2 where b[key] == 0x50 && b[key + 1] == 0x67:                                               // Pg
                guard page == nil, let n = reference() else { return nil }
                page = n
            case 1 where b[key] == 0x4B:                                                                     // K
                guard !hasKids else { return nil }
                hasKids = true
                if i < b.count && b[i] == 0x5B {
                    i += 1
                    while true {
                        skipSpace()
                        guard i < b.count else { return nil }
                        if b[i] == 0x5D { i += 1; break }
                        guard let kid = integerOrReference() else { return nil }
                        kids.append(kid)
                    }
                } else {
                    guard let kid = integerOrReference() else { return nil }
                    kids = [kid]
                }
            default:
                return nil
            }
        }
    }

    /// `/Name` at the current position: the range of its bytes (after the slash), consumed.
    private mutating func skipName() -> Range<Int>? {
        guard i < b.count, b[i] == 0x2F else { return nil }
        i += 1
        let start = i
        while i < b.count && !isDelimiterOrSpace(b[i]) { i += 1 }
        return start < i ? start..<i : nil
    }

    /// A non-negative integer, or `N G R` as a reference; nil (position unspecified) for anything else.
    private mutating func integerOrReference() -> PDFValue? {
        let start = i
        var n = 0
        while i < b.count && b[i] >= 0x30 && b[i] <= 0x39 && i - start < 18 { n = n * 10 + Int(b[i] - 0x30); i += 1 }
        guard i > start, i == b.count || isDelimiterOrSpace(b[i]) else { return nil }
        return referenceFollows() ? .ref(n) : .int(n)
    }

    private mutating func reference() -> Int? {
        guard case .ref(let n)? = integerOrReference() else { return nil }
        return n
    }

    /// A bare keyword (obj, R, endobj) or nil, consuming it only if it is one.
    private mutating func keyword() throws -> String? {
        skipSpace()
        let start = i
        while i < b.count && !isDelimiterOrSpace(b[i]) { i += 1 }
        let word = b[start..<i]
        if let f = word.first, (f >= 0x41 && f <= 0x5A) || (f >= 0x61 && f <= 0x7A) { return String(decoding: word, as: UTF8.self) }
        i = start
        return nil
    }

    private func integer(_ w: ArraySlice<UInt8>) -> Int? {
        var n = 0, negative = false, digits = 0
        for (k, c) in zip(w.indices, w) {
            if k == w.startIndex && (c == 0x2D || c == 0x2B) { negative = c == 0x2D; continue }
            guard c >= 0x30 && c <= 0x39 else { return nil }
            n = n * 10 + Int(c - 0x30)
            digits += 1
        }
        return digits > 0 && digits < 19 ? (negative ? -n : n) : nil
    }

    mutating func skipSpace() {
        while i < b.count {
            let c = b[i]
            if c == 0x25 {   // comment: cairo writes "/Type /Page % 1"
                while i < b.count && b[i] != 0x0A && b[i] != 0x0D { i += 1 }
            } else if isSpace(c) {
                i += 1
            } else {
                return
            }
        }
    }

    func matches(_ s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        guard i + n <= b.count else { return false }
        for k in 0..<n where b[i + k] != s.utf8Start[k] { return false }
        return true
    }
}

func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 || c == 0x0C || c == 0x00 }

private func isDelimiterOrSpace(_ c: UInt8) -> Bool {
    isSpace(c) || c == 0x28 || c == 0x29 || c == 0x3C || c == 0x3E || c == 0x5B || c == 0x5D || c == 0x7B || c == 0x7D
        || c == 0x2F || c == 0x25
}
