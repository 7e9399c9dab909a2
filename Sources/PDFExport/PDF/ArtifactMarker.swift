import Foundation

/// Wraps every piece of a page's content that lies outside marked content in `/Artifact BMC … EMC`
/// (PDF/UA-1 7.1: content is either tagged or an artifact).
///
/// cairo 1.16 marks content only inside leaf structure elements, so what the handout draws outside them
/// (running footer, "Page N of M", rules, box frames) is unmarked. The stream is cut at top-level
/// marked-content boundaries; a stretch between them that paints anything is wrapped whole. cairo ends
/// any text object before it opens or closes marked content, so a stretch never splits a BT…ET pair or a
/// path object.
enum ArtifactMarker {
    static func mark(_ content: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(content.count + 256)
        var depth = 0
        var segmentStart = 0      // start of the current top-level stretch
        var paints = false        // whether that stretch paints anything
        func flush(upTo end: Int) {
            guard segmentStart < end else { return }
            if paints {
                // The line break after the previous operator stays before the artifact's BMC.
                while segmentStart < end && isWhitespace(content[segmentStart]) {
                    out.append(content[segmentStart])
                    segmentStart += 1
                }
                if let last = out.last, !isWhitespace(last) { out.append(0x0A) }
                out += openArtifact
                out += content[segmentStart..<end]
                if let last = out.last, !isWhitespace(last) { out.append(0x0A) }
                out += closeArtifact
            } else {
                out += content[segmentStart..<end]
            }
            segmentStart = end
            paints = false
        }
        ContentScanner.scan(content) { op, operandsStart, end in
            switch op {
            case .beginMarkedContent:
                if depth == 0 { flush(upTo: operandsStart) }
                depth += 1
            case .endMarkedContent:
                depth = max(0, depth - 1)
                if depth == 0 {
                    out += content[segmentStart..<end]
                    segmentStart = end
                    paints = false
                }
            case .paint:
                if depth == 0 { paints = true }
            case .other:
                break
            }
        }
        flush(upTo: content.count)
        return out
    }

    private static let openArtifact = Array("/Artifact BMC\n".utf8)
    private static let closeArtifact = Array("EMC\n".utf8)
}

/// A minimal content-stream lexer: reports each operator with where its operands start and where it ends.
/// Strings, hex strings, names, arrays, dictionaries and inline image data are skipped as operands. Works on
/// bytes without building strings: it runs on every page of every handout.
enum ContentScanner {
    enum Operator { case beginMarkedContent, endMarkedContent, paint, other }

    static func scan(_ b: [UInt8], _ body: (_ op: Operator, _ operandsStart: Int, _ end: Int) -> Void) {
        b.withUnsafeBufferPointer { buffer in
            guard let b = buffer.baseAddress else { return }
            // The byte classes through a plain pointer read once here: an array behind a lazily initialised
            // global costs an initialisation check and a bounds check per byte.
            let byteClass = ContentScanner.byteClasses
            var i = 0
            let n = buffer.count
            var operandsStart = -1
            while i < n {
                let c = b[i]
                let k = byteClass[Int(c)]
                if k == whitespace { i += 1; continue }
                let start = i
                if k == regular {
                    i += 1
                    while i < n && byteClass[Int(b[i])] == regular { i += 1 }
                    // Numbers (most of a page) are operands: no need to look at the word.
                    if c == 0x2B || c == 0x2D || c == 0x2E || (c >= 0x30 && c <= 0x39) {
                        if operandsStart < 0 { operandsStart = start }
                        continue
                    }
                    guard let op = classify(UnsafeBufferPointer(start: b + start, count: i - start)) else {
                        if operandsStart < 0 { operandsStart = start }   // true, false or null
                        continue
                    }
                    if op.isInlineImageData {
                        // Inline image data runs to whitespace + "EI" + whitespace.
                        i += 1
                        while i + 2 < n && !(byteClass[Int(b[i])] == whitespace && b[i + 1] == 0x45 && b[i + 2] == 0x49
                                             && (i + 3 == n || byteClass[Int(b[i + 3])] == whitespace)) { i += 1 }
                        i = min(n, i + 3)
                    }
                    body(op.kind, operandsStart >= 0 ? operandsStart : start, i)
                    operandsStart = -1
                    continue
                }
                switch c {
                case 0x25:  // % comment
                    while i < n && b[i] != 0x0A && b[i] != 0x0D { i += 1 }
                    continue
                case 0x28:  // ( string )
                    var level = 0
                    while i < n {
                        let x = b[i]
                        if x == 0x5C { i += 2; continue }
                        if x == 0x28 { level += 1 } else if x == 0x29 { level -= 1; if level == 0 { i += 1; break } }
                        i += 1
                    }
                case 0x3C:  // << or <hex>
                    if i + 1 < n && b[i + 1] == 0x3C { i += 2 } else {
                        let rest = UnsafeRawPointer(b + i)
                        if let close = memchr(rest, 0x3E, n - i) {
                            i += rest.distance(to: UnsafeRawPointer(close)) + 1
                        } else {
                            i = n + 1
                        }
                    }
                case 0x3E:  // >>
                    i += (i + 1 < n && b[i + 1] == 0x3E) ? 2 : 1
                case 0x2F:  // /name
                    i += 1
                    while i < n && byteClass[Int(b[i])] == regular { i += 1 }
                default:    // [ ] { } ) alone
                    i += 1
                }
                if operandsStart < 0 { operandsStart = start }
            }
        }
    }

    /// nil for operands (numbers, true, false, null). Decided on the word's length and bytes, without building
    /// strings: it runs for every operator of every page.
    private static func classify(_ w: UnsafeBufferPointer<UInt8>) -> (kind: Operator, isInlineImageData: Bool)? {
        let first = w[0]
        if first == 0x2B || first == 0x2D || first == 0x2E || (first >= 0x30 && first <= 0x39) { return nil }
        switch w.count {
        case 1:
            // Path painting (not n) and text showing: S s f F B b ' "
            switch first {
            case 0x53, 0x73, 0x66, 0x46, 0x42, 0x62, 0x27, 0x22: return (.paint, false)
            default: return (.other, false)
            }
        case 2:
            let second = w[1]
            if first == 0x49 && second == 0x44 { return (.paint, true) }                       // ID
            if second == 0x2A && (first == 0x66 || first == 0x42 || first == 0x62) { return (.paint, false) }  // f* B* b*
            if first == 0x54 && (second == 0x6A || second == 0x4A) { return (.paint, false) }  // Tj TJ
            if (first == 0x44 && second == 0x6F) || (first == 0x73 && second == 0x68) { return (.paint, false) }  // Do sh
            return (.other, false)
        case 3:
            let second = w[1], third = w[2]
            if first == 0x42 && second == 0x44 && third == 0x43 { return (.beginMarkedContent, false) }   // BDC
            if first == 0x42 && second == 0x4D && third == 0x43 { return (.beginMarkedContent, false) }   // BMC
            if first == 0x45 && second == 0x4D && third == 0x43 { return (.endMarkedContent, false) }     // EMC
            return (.other, false)
        case 4:
            if first == 0x74 && w[1] == 0x72 && w[2] == 0x75 && w[3] == 0x65 { return nil }    // true
            if first == 0x6E && w[1] == 0x75 && w[2] == 0x6C && w[3] == 0x6C { return nil }    // null
            return (.other, false)
        case 5:
            if first == 0x66 && w[1] == 0x61 && w[2] == 0x6C && w[3] == 0x73 && w[4] == 0x65 { return nil }   // false
            return (.other, false)
        default:
            return (.other, false)
        }
    }

    private static let regular: UInt8 = 0, whitespace: UInt8 = 1, delimiter: UInt8 = 2
    /// PDF's byte classes (ISO 32000-1 7.2.2), indexed by byte; never freed.
    private nonisolated(unsafe) static let byteClasses: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        table.initialize(repeating: regular, count: 256)
        for c in [0x00, 0x09, 0x0A, 0x0C, 0x0D, 0x20] { table[c] = whitespace }
        for c in "()<>[]{}/%".utf8 { table[Int(c)] = delimiter }
        return UnsafePointer(table)
    }()
}

private func isWhitespace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 || c == 0x0C || c == 0x00 }
