/// Text from a file name or a source made safe to print on a terminal or in a log: control characters
/// (ESC, BEL, newline…), bidi overrides and line separators become visible `\u{1B}` escapes, so input can
/// neither drive the terminal nor forge a line of output; and the text is cut to a length a line can hold.
public enum PrintableText {
    public static func escape(_ s: String, limit: Int = 500) -> String {
        var out = ""
        var count = 0
        for u in s.unicodeScalars {
            if count >= limit { out += "…"; break }
            if needsEscape(u) {
                out += "\\u{" + String(u.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(u)
            }
            count += 1
        }
        return out
    }

    static func needsEscape(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069, 0xFFFE, 0xFFFF: true
        default: false
        }
    }
}
