/// How many columns text takes in a monospaced mail client or terminal, per grapheme cluster:
/// East Asian wide and fullwidth characters and emoji take 2, combining marks and format characters 0,
/// everything else 1. Never bytes, never scalars: "é" written as e + U+0301 is one column, 👩‍⚕️ is two.
public enum TextWidth {
    public static func of(_ s: some StringProtocol) -> Int {
        // ASCII text, byte by byte: each byte is one grapheme of one column, or none for a control
        // character (CR LF, one grapheme, is none either way). Only other text needs grapheme breaking.
        var ascii = 0
        for b in s.utf8 {
            guard b < 0x80 else { return ofKnownScalars(s) ?? ofGraphemes(s) }
            if b >= 0x20 && b != 0x7F { ascii += 1 }
        }
        return ascii
    }

    /// The width of text made only of `KnownScalars`, from its bytes: the sum of its bases' widths.
    static func ofKnownScalars(_ s: some StringProtocol) -> Int? {
        s.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            var sum = 0
            return KnownScalars.scalars(bytes) { _, _, w in sum += w } ? sum : nil
        } ?? nil
    }

    static func ofGraphemes(_ s: some StringProtocol) -> Int {
        var n = 0
        for c in s { n += of(c) }
        return n
    }

    public static func of(_ c: Character) -> Int {
        if c.isASCII { return c.unicodeScalars.first!.value < 0x20 || c == "\u{7F}" ? 0 : 1 }
        let scalars = c.unicodeScalars
        let first = scalars.first!
        // Letters of the scripts summaries are written in, without property lookups (a tenth of the time of
        // the general path; Arabic and Chinese text is all non-ASCII): a cluster starting with one of these is
        // one column, or two for CJK ideographs and kana. Combining marks inside the cluster add nothing.
        switch first.value {
        case 0x00C0...0x024F, 0x0386...0x03FF, 0x0400...0x0482, 0x048A...0x052F, 0x05D0...0x05EA,
             0x0620...0x064A, 0x0671...0x06D3:
            return 1
        case 0x3041...0x3096, 0x309B...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF:
            return 2
        default: break
        }
        let p = first.properties
        switch p.generalCategory {
        case .control, .format, .nonspacingMark, .enclosingMark, .lineSeparator, .paragraphSeparator: return 0
        default: break
        }
        if p.isEmojiPresentation { return 2 }
        // Text-style emoji turned into emoji style by VS16 (U+FE0F), e.g. ❤️, take two columns too.
        if p.isEmoji && scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        return isWide(first.value) ? 2 : 1
    }

    /// East Asian Width W and F blocks (Unicode 15 EastAsianWidth.txt, merged into ranges).
    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
             0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF, 0x1F200...0x1F2FF,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
