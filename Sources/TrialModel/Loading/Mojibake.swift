/// Detects UTF-8 text that was decoded as a legacy single-byte code page (CP874 Thai, CP1252, Latin-1)
/// and re-encoded: `ยฑ` for `±`, `Ã©` for `é`, `â€™` for `’`, `๐Ÿ’Š` for `💊`.
public enum Mojibake {
    /// The repaired string, or nil when nothing looks like mojibake.
    public static func repair(_ s: String) -> String? {
        // Fast path: mojibake of a multi-byte sequence always starts with a character standing for a lead byte.
        guard !s.isASCIIText, s.unicodeScalars.contains(where: { isLeadByteCharacter($0) }) else { return nil }
        let scalars = Array(s.unicodeScalars)
        // Text with a lead-byte character (`é`, `×`) is seldom mojibake: find the first sequence before copying.
        guard var i = scalars.indices.first(where: { sequence(at: $0, in: scalars) != nil }) else { return nil }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[..<i])
        var changed = false
        while i < scalars.count {
            if let (decoded, used) = sequence(at: i, in: scalars) {
                out.append(decoded); i += used; changed = true
            } else {
                out.append(scalars[i]); i += 1
            }
        }
        return changed ? String(out) : nil
    }

    /// A multi-byte UTF-8 sequence spelled as legacy characters starting at `i`; a lone `é` (0xE9) is not one.
    private static func sequence(at i: Int, in s: [Unicode.Scalar]) -> (Unicode.Scalar, Int)? {
        guard let lead = byte(for: s[i]) else { return nil }
        let length: Int
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return nil
        }
        guard i + length <= s.count else { return nil }
        var bytes = [lead]
        for k in 1..<length {
            guard let b = byte(for: s[i + k]), (0x80...0xBF).contains(b) else { return nil }
            bytes.append(b)
        }
        guard let text = String(validating: bytes, as: UTF8.self), let u = text.unicodeScalars.first else { return nil }
        return (u, length)
    }

    private static func isLeadByteCharacter(_ u: Unicode.Scalar) -> Bool {
        (0xC2...0xF4).contains(u.value) || (0x0E22...0x0E54).contains(u.value)
    }

    private static func byte(for u: Unicode.Scalar) -> UInt8? {
        let v = u.value
        if (0x0E01...0x0E5B).contains(v) { return UInt8(v - 0x0D60) }     // CP874 Thai block
        if let b = cp1252High[v] { return b }
        if (0xA0...0xFF).contains(v) { return UInt8(v) }                  // Latin-1 / CP1252 upper half
        if (0x80...0x9F).contains(v) { return UInt8(v) }                  // C1 controls from Latin-1 decoding
        return nil
    }

    /// CP1252 (and CP874, which shares them) bytes 0x80–0x9F.
    private static let cp1252High: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
        0x02C6: 0x88, 0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C, 0x017D: 0x8E, 0x2018: 0x91,
        0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98,
        0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B, 0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
    ]
}
