/// Checks every string read from a source: control characters are errors, likely mojibake a warning
/// that shows the repaired text.
enum SourceText {
    /// Characters that must never appear in summary text: C0/C1 controls (except tab and newline),
    /// and the Unicode line/paragraph separators that break headers and scripts downstream.
    static func forbiddenCharacter(in s: String, allowNewlines: Bool) -> Unicode.Scalar? {
        guard mayHoldForbidden(s, allowNewlines: allowNewlines) else { return nil }
        return s.unicodeScalars.first { u in
            switch u.value {
            case 0x09: false
            case 0x0A: !allowNewlines
            case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: true
            default: false
            }
        }
    }

    /// False only when the UTF-8 of `s` holds none of the scalars `forbiddenCharacter` looks for: one pass over
    /// bytes, as most text has none.
    private static func mayHoldForbidden(_ s: String, allowNewlines: Bool) -> Bool {
        var s = s
        return s.withUTF8 { b in
            var i = 0
            while i < b.count {
                if PrintableASCII.word(b, at: i) { i += 8; continue }
                let stop = min(i + 8, b.count)
                while i < stop {
                    let x = b[i]
                    if x < 0x20 && x != 0x09 && !(allowNewlines && x == 0x0A) { return true }
                    if x == 0x7F { return true }
                    if x == 0xC2, i + 1 < b.count, b[i + 1] >= 0x80 && b[i + 1] <= 0x9F { return true }
                    if x == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0xA8 || b[i + 2] == 0xA9 { return true }
                    i += 1
                }
            }
            return false
        }
    }

    /// False only when no Character of `s` is a newline (`\n`, VT, FF, `\r`, NEL, U+2028, U+2029), decided on
    /// the bytes: a newline scalar is always a Character of its own (or CR LF). Eight printable ASCII bytes hold
    /// none of the bytes looked for and are skipped at once (every paragraph is asked this).
    static func mayHoldNewline(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { b in
            var i = 0
            while i < b.count {
                if PrintableASCII.word(b, at: i) { i += 8; continue }
                let x = b[i]
                if x >= 0x0A && x <= 0x0D { return true }
                if x == 0xC2, i + 1 < b.count, b[i + 1] == 0x85 { return true }
                if x == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0xA8 || b[i + 2] == 0xA9 { return true }
                i += 1
            }
            return false
        }
    }

    static func describe(_ u: Unicode.Scalar) -> String {
        let hex = String(u.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

/// Checks a whole source before YAML sees it, so encoding problems are reported where they are, not at 1:1.
enum SourceBytes {
    /// The bytes as text, or a located error: invalid UTF-8, a character YAML forbids anywhere (NUL, U+FFFE…),
    /// or a file over `Limits.fileBytes`.
    static func text(_ bytes: [UInt8], file: String) -> Result<String, Diagnostic> {
        if bytes.count > Limits.fileBytes {
            return .failure(Diagnostic(.error, file: file, line: 1, column: 1, field: "", message: SourceCheck.tooBig(bytes.count)))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let bad = firstInvalidUTF8(bytes)
            let lineStart = bytes[..<bad].lastIndex(of: 10).map { $0 + 1 } ?? 0
            let line = 1 + bytes[..<bad].count { $0 == 10 }
            let column = 1 + (String(validating: bytes[lineStart..<bad], as: UTF8.self)?.unicodeScalars.count ?? 0)
            return .failure(Diagnostic(.error, file: file, line: line, column: column, field: "",
                                       message: "byte 0x\(String(bytes[bad], radix: 16, uppercase: true)) is not valid UTF-8; save the file as UTF-8"))
        }
        if let d = disallowed(in: text, file: file) { return .failure(d) }
        return .success(text)
    }

    /// The first character YAML 1.1 does not allow in a stream (libyaml's reader rejects the whole file for it).
    static func disallowed(in text: String, file: String) -> Diagnostic? {
        guard mayHoldDisallowed(text) else { return nil }
        var line = 1, column = 1
        for u in text.unicodeScalars {
            switch u.value {
            case 0x0A: line += 1; column = 1; continue
            case 0x09, 0x0D, 0x85: break
            case 0x00...0x1F, 0x7F...0x9F, 0xFFFE, 0xFFFF:
                return Diagnostic(.error, file: file, line: line, column: column, field: "",
                                  message: "contains the character \(SourceText.describe(u)), which YAML does not allow anywhere; remove it")
            default: break
            }
            column += 1
        }
        return nil
    }
}

extension SourceBytes {
    /// False only when the UTF-8 holds none of the characters `disallowed` looks for (C0 controls but tab, LF
    /// and CR; DEL; C1 controls but NEL; U+FFFE, U+FFFF): one pass over bytes instead of scalars with positions.
    static func mayHoldDisallowed(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { b in
            var i = 0
            while i < b.count {
                if PrintableASCII.word(b, at: i) { i += 8; continue }
                let stop = min(i + 8, b.count)
                while i < stop {
                    if startsDisallowed(b, at: i) { return true }
                    i += 1
                }
            }
            return false
        }
    }

    /// Whether the byte at `i` starts one of the characters `mayHoldDisallowed` looks for. One predicate for the
    /// word-skipping loop above and the tests' plain loop, so the tests check the skipping, not two copies.
    @inline(__always)
    static func startsDisallowed<Bytes: RandomAccessCollection<UInt8>>(_ b: Bytes, at i: Int) -> Bool
    where Bytes.Index == Int {
        let x = b[i]
        if x < 0x20 && x != 0x09 && x != 0x0A && x != 0x0D { return true }
        if x == 0x7F { return true }
        if x == 0xC2, i + 1 < b.count, b[i + 1] >= 0x80 && b[i + 1] <= 0x9F && b[i + 1] != 0x85 { return true }
        if x == 0xEF, i + 2 < b.count, b[i + 1] == 0xBF, b[i + 2] == 0xBE || b[i + 2] == 0xBF { return true }
        return false
    }
}

/// The byte checks above look for controls, DEL and multi-byte sequences: eight bytes that are all printable
/// ASCII (0x20–0x7E) hold none of them and are skipped at once; any other eight are checked byte by byte.
enum PrintableASCII {
    @inline(__always) static func word(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i + 8 <= b.count, let base = b.baseAddress else { return false }
        let x = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: i, as: UInt64.self)
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        // No byte of 0x80 or more; none below 0x20 (subtracting 0x20 borrows into its high bit; exact for
        // "any byte", as a false hit only follows a true one); none equal to 0x7F (a zero byte of x ^ 0x7F…).
        let del = x ^ (ones &* 0x7F)
        return x & high == 0 && (x &- ones &* 0x20) & ~x & high == 0 && (del &- ones) & ~del & high == 0
    }
}

/// Offset of the first byte that does not start a valid UTF-8 sequence.
func firstInvalidUTF8(_ b: [UInt8]) -> Int {
    var i = 0
    while i < b.count {
        let n: Int
        switch b[i] {
        case 0x00...0x7F: n = 1
        case 0xC2...0xDF: n = 2
        case 0xE0...0xEF: n = 3
        case 0xF0...0xF4: n = 4
        default: return i
        }
        guard i + n <= b.count, String(validating: b[i..<(i + n)], as: UTF8.self) != nil else { return i }
        i += n
    }
    return i
}
