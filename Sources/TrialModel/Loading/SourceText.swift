/// Checks every string read from a source: control characters are errors, likely mojibake a warning
/// that shows the repaired text.
enum SourceText {
    /// Characters that must never appear in summary text: C0/C1 controls (except tab and newline),
    /// and the Unicode line/paragraph separators that break headers and scripts downstream.
    static func forbiddenCharacter(in s: String, allowNewlines: Bool) -> Unicode.Scalar? {
        s.unicodeScalars.first { u in
            switch u.value {
            case 0x09: false
            case 0x0A: !allowNewlines
            case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: true
            default: false
            }
        }
    }

    static func describe(_ u: Unicode.Scalar) -> String {
        let hex = String(u.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
