/// Quoted-printable body encoding (RFC 2045 §6.7) for text whose lines are already CRLF-separated.
///
/// Rules applied: (1) `=` and every byte outside printable ASCII as `=XX` (upper-case hex); (2) printable
/// ASCII literal; (3) a space or tab that would end an encoded line as `=20`/`=09`, which keeps the
/// trailing spaces of format=flowed soft breaks alive through transports that strip them; (4) line breaks
/// as CRLF; (5) encoded lines at most 76 characters, with `=` soft breaks that never split an `=XX`.
/// Beyond the rules, a line start of `.` or `From ` is encoded (`=2E`, `=46`) so SMTP dot-stuffing
/// and mbox `>From` quoting can never touch the body.
enum QuotedPrintable {
    static let lineLimit = 76

    /// Encodes lines (without line ends); returns the encoded lines, which the caller joins with CRLF.
    static func encode(lines: [[UInt8]]) -> [String] {
        var out: [String] = []
        for line in lines { out += encode(line: line) }
        return out
    }

    static func encode(line: [UInt8]) -> [String] {
        var out: [String] = []
        var current: [UInt8] = []
        current.reserveCapacity(lineLimit)
        // Each character is written straight into the line: its encoded length is counted first (whether a soft
        // break goes before it), so no array is built per character (that cost more than the encoding).
        func appendEncoded(_ b: UInt8) {
            current.append(UInt8(ascii: "=")); current.append(Hex.digits[Int(b >> 4)]); current.append(Hex.digits[Int(b & 0xF)])
        }
        var i = 0
        while i < line.count {
            // The bytes of one UTF-8 sequence stay on one encoded line, so even a decoder that works line by
            // line never sees half a character.
            var end = i + 1
            // At most 4 bytes: a run of stray continuation bytes (invalid UTF-8, found by the MIME fuzzer) must not
            // become one 300-character "character" that no line can hold.
            while end < line.count && end - i < 4 && line[end] & 0xC0 == 0x80 { end += 1 }
            let isLast = end == line.count
            func literal(_ b: UInt8) -> Bool {
                (b >= 0x21 && b <= 0x7E && b != UInt8(ascii: "=")) || ((b == 0x20 || b == 0x09) && !isLast)
            }
            var length = 0
            for j in i..<end { length += literal(line[j]) ? 1 : 3 }
            // A soft break costs one `=`; the last piece of the line needs no room for it.
            if current.count + length > (isLast ? lineLimit : lineLimit - 1) {
                current.append(UInt8(ascii: "="))
                out.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
            if current.isEmpty && length == 1 && startsRisky(line, at: i) {
                appendEncoded(line[i])
            } else {
                for j in i..<end {
                    let b = line[j]
                    if literal(b) { current.append(b) } else { appendEncoded(b) }
                }
            }
            i = end
        }
        out.append(String(decoding: current, as: UTF8.self))
        return out
    }

    /// `.` (SMTP end of data when alone) or `From ` (mbox) at the start of an encoded line.
    private static func startsRisky(_ line: [UInt8], at i: Int) -> Bool {
        if line[i] == UInt8(ascii: ".") { return true }
        return line[i...].starts(with: Array("From ".utf8))
    }

    /// Decodes encoded lines back to bytes, lines joined by CRLF (for tests).
    static func decode(_ encoded: [String]) -> [UInt8] {
        var out: [UInt8] = []
        for (n, line) in encoded.enumerated() {
            var bytes = Array(line.utf8)[...]
            var soft = false
            if bytes.last == UInt8(ascii: "=") { soft = true; bytes = bytes.dropLast() }
            while let b = bytes.popFirst() {
                if b == UInt8(ascii: "="), bytes.count >= 2, let v = Hex.value(bytes.prefix(2)) {
                    out.append(v); bytes = bytes.dropFirst(2)
                } else { out.append(b) }
            }
            if !soft && n < encoded.count - 1 { out += [0x0D, 0x0A] }
        }
        return out
    }
}
