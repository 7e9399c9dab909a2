import TrialModel

/// Makes untrusted text (titles, settings) safe to place in a header.
///
/// Header injection works by smuggling a line break into a header value; a later line then reads as a new
/// header (`Bcc: …`). Every code point that any parser might take as a line break or that has no business in
/// a header (C0/C1 controls including CR, LF, NUL, U+0085; U+2028/U+2029) becomes a space, and whitespace
/// runs collapse to one space, so no value can ever produce a line of its own.
enum HeaderText {
    static func sanitize(_ s: String) -> String {
        var text = s
        let ascii = text.withUTF8 { bytes in bytes.allSatisfy { $0 < 0x80 } }
        return ascii || KnownScalars.all(text) ? sanitizeASCII(text) : sanitizeScalars(text)
    }

    static func sanitizeScalars(_ s: String) -> String {
        var out = ""
        var pendingSpace = false
        for scalar in s.unicodeScalars {
            if isBreakingOrControl(scalar) || scalar == " " {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    /// The same for ASCII text, on its bytes (every paragraph of the digest passes through here): the controls
    /// are the bytes below 0x20 and 0x7F, and the only whitespace is the space itself. Also for text whose other
    /// scalars are all `KnownScalars` (Arabic, Chinese…): none of those is a control, separator or other space,
    /// so their bytes are copied as they are.
    static func sanitizeASCII(_ s: String) -> String {
        var text = s
        return text.withUTF8 { bytes in
            // Most text is clean already (no control, no space at either end, no two spaces in a row): then it
            // is its own result, found in one pass over the bytes.
            var clean = bytes.first != 0x20 && bytes.last != 0x20
            var previousSpace = false
            for b in bytes where clean {
                clean = b > 0x20 && b != 0x7F || (b == 0x20 && !previousSpace)
                previousSpace = b == 0x20
            }
            if clean { return s }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            for b in bytes {
                if b <= 0x20 || b == 0x7F {
                    pendingSpace = !out.isEmpty
                    continue
                }
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out.append(b)
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Controls, line and paragraph separators, and Unicode whitespace that is not a plain space.
    static func isBreakingOrControl(_ u: Unicode.Scalar) -> Bool {
        if u.value >= 0x20 && u.value < 0x7F { return false }  // fast path: printable ASCII
        switch u.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator: return true
        case .spaceSeparator: return u != " " && u.value != 0xA0 && u.value != 0x202F
        default: return false
        }
    }
}
