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
            case "BDC", "BMC":
                if depth == 0 { flush(upTo: operandsStart) }
                depth += 1
            case "EMC":
                depth = max(0, depth - 1)
                if depth == 0 {
                    out += content[segmentStart..<end]
                    segmentStart = end
                    paints = false
                }
            default:
                if depth == 0 && paintingOperators.contains(op) { paints = true }
            }
        }
        flush(upTo: content.count)
        return out
    }

    /// Operators that put marks on the page: path painting (not `n`), text showing, XObjects, shadings,
    /// inline images.
    static let paintingOperators: Set<String> = ["S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "Tj", "TJ", "'", "\"",
                                                 "Do", "sh", "BI"]
    static let textShowingOperators: Set<String> = ["Tj", "TJ", "'", "\""]

    private static let openArtifact = Array("/Artifact BMC\n".utf8)
    private static let closeArtifact = Array("EMC\n".utf8)
}

/// A minimal content-stream lexer: reports each operator with where its operands start and where it ends.
/// Strings, hex strings, names, arrays, dictionaries and inline image data are skipped as operands.
enum ContentScanner {
    static func scan(_ b: [UInt8], _ body: (_ op: String, _ operandsStart: Int, _ end: Int) -> Void) {
        var i = 0
        let n = b.count
        var operandsStart: Int?
        while i < n {
            let c = b[i]
            if isWhitespace(c) { i += 1; continue }
            if c == UInt8(ascii: "%") {
                while i < n && b[i] != 0x0A && b[i] != 0x0D { i += 1 }
                continue
            }
            let start = i
            switch c {
            case UInt8(ascii: "("):
                var level = 0
                while i < n {
                    let x = b[i]
                    if x == UInt8(ascii: "\\") { i += 2; continue }
                    if x == UInt8(ascii: "(") { level += 1 }
                    if x == UInt8(ascii: ")") { level -= 1; if level == 0 { i += 1; break } }
                    i += 1
                }
            case UInt8(ascii: "<"):
                if i + 1 < n && b[i + 1] == UInt8(ascii: "<") { i += 2 } else {
                    while i < n && b[i] != UInt8(ascii: ">") { i += 1 }
                    i += 1
                }
            case UInt8(ascii: ">"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"):
                i += (c == UInt8(ascii: ">") && i + 1 < n && b[i + 1] == UInt8(ascii: ">")) ? 2 : 1
            case UInt8(ascii: "/"):
                i += 1
                while i < n && isRegular(b[i]) { i += 1 }
            default:
                while i < n && isRegular(b[i]) { i += 1 }
                if i == start { i += 1 }     // a stray delimiter: step over it
                let first = b[start]
                let isNumber = first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
                    || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9"))
                let word = String(decoding: b[start..<i], as: UTF8.self)
                if !isNumber && word != "true" && word != "false" && word != "null" {
                    if word == "ID" {
                        // Inline image data runs to whitespace + "EI" + whitespace.
                        i += 1
                        while i + 2 < n && !(isWhitespace(b[i]) && b[i + 1] == UInt8(ascii: "E") && b[i + 2] == UInt8(ascii: "I")
                                             && (i + 3 == n || isWhitespace(b[i + 3]))) { i += 1 }
                        i = min(n, i + 3)
                        body("EI", operandsStart ?? start, i)
                    } else {
                        body(word, operandsStart ?? start, i)
                    }
                    operandsStart = nil
                    continue
                }
            }
            if operandsStart == nil { operandsStart = start }
        }
    }
}

private func isWhitespace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 || c == 0x0C || c == 0x00 }

private func isRegular(_ c: UInt8) -> Bool {
    !isWhitespace(c) && !"()<>[]{}/%".utf8.contains(c)
}
