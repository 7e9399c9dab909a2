/// RFC 2047 encoded words (`=?utf-8?B?…?=`, `=?utf-8?Q?…?=`) for non-ASCII header text.
///
/// Each word is at most 75 characters (RFC 2047 §2) and holds whole characters only: a word never ends
/// inside a UTF-8 sequence (§5 (3)) and, where possible, not inside a grapheme cluster either, so a
/// decoder that handles words one by one still sees valid text.
enum EncodedWord {
    enum Encoding: Sendable { case b, q }

    static let maxLength = 75
    static let prefixB = "=?utf-8?B?"
    static let prefixQ = "=?utf-8?Q?"
    static let suffix = "?="
    static var overhead: Int { prefixB.count + suffix.count }

    /// Characters Q may leave as they are. The phrase-safe set of §5 (3), which is also safe in unstructured
    /// text (§5 (1)); everything else, including `?`, `=`, `_` and space, is encoded.
    static func isQLiteral(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
            || b == 0x21 || b == 0x2A || b == 0x2B || b == 0x2D || b == 0x2F
    }

    /// Encoded length of `bytes` as the payload of one word.
    static func payloadLength(_ bytes: some Collection<UInt8>, _ e: Encoding) -> Int {
        switch e {
        case .b: return (bytes.count + 2) / 3 * 4
        case .q: return bytes.reduce(0) { $0 + (isQLiteral($1) || $1 == 0x20 ? 1 : 3) }
        }
    }

    /// The encoding that writes `text` in fewer characters (Q for mostly-ASCII text, B otherwise).
    static func preferred(for text: String) -> Encoding {
        let bytes = Array(text.utf8)
        return payloadLength(bytes, .q) <= payloadLength(bytes, .b) ? .q : .b
    }

    /// One word holding `bytes`; the caller keeps it within `maxLength`.
    static func word(_ bytes: [UInt8], _ e: Encoding) -> String {
        switch e {
        case .b: return prefixB + Base64.encode(bytes) + suffix
        case .q:
            var s = prefixQ
            for b in bytes {
                if b == 0x20 { s.append("_") }
                else if isQLiteral(b) { s.unicodeScalars.append(Unicode.Scalar(b)) }
                else { s += "=" + Hex.byte(b) }
            }
            return s + suffix
        }
    }

    /// Splits `text` into as few words as possible. The first word is at most `firstLimit` characters
    /// (the room left on the current header line), the others at most `limit`.
    /// Returns nil if not even one character fits in `firstLimit` (the caller then starts a new line).
    static func encode(_ text: String, _ e: Encoding, firstLimit: Int, limit: Int = maxLength) -> [String]? {
        var words: [String] = []
        var current: [UInt8] = []
        var capacity = min(firstLimit, limit) - overhead
        for unit in units(of: text, maxBytes: e == .b ? 45 : 21) {
            let candidate = current + unit
            if payloadLength(candidate, e) <= capacity { current = candidate; continue }
            if current.isEmpty {
                // Not even one unit fits here. On the first line the caller moves on; a lone unit that is
                // too big for an empty word cannot happen because `units` splits clusters into scalars.
                if words.isEmpty && capacity < limit - overhead { return nil }
                current = unit
                continue
            }
            words.append(word(current, e))
            current = unit
            capacity = limit - overhead
        }
        if !current.isEmpty || words.isEmpty { words.append(word(current, e)) }
        return words
    }

    /// UTF-8 units that must stay together: grapheme clusters, or single scalars for a cluster too long
    /// to fit in one word (`maxBytes`: 45 for B, 21 for Q), such as stacked combining marks.
    static func units(of text: String, maxBytes: Int) -> [[UInt8]] {
        var out: [[UInt8]] = []
        for ch in text {
            let bytes = Array(String(ch).utf8)
            if bytes.count <= maxBytes { out.append(bytes) }
            else { out += ch.unicodeScalars.map { Array(String($0).utf8) } }
        }
        return out
    }

    /// Decodes one word (for tests and round-trip checks): charsets utf-8, us-ascii and iso-8859-1/-2
    /// (enough for the RFC 2047 §8 examples, whose text is Latin-1 or ASCII); nil if malformed.
    static func decode(_ word: String) -> String? {
        let parts = word.split(separator: "?", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0] == "=", parts[4] == "=" else { return nil }
        let charset = parts[1].lowercased(), encoding = parts[2].lowercased(), payload = String(parts[3])
        let bytes: [UInt8]?
        if encoding == "b" { bytes = Base64.decode(payload) }
        else if encoding != "q" { return nil }
        else {
            var out: [UInt8] = []
            var it = Array(payload.utf8)[...]
            while let b = it.popFirst() {
                if b == UInt8(ascii: "_") { out.append(0x20) }
                else if b == UInt8(ascii: "=") {
                    guard it.count >= 2, let v = Hex.value(it.prefix(2)) else { return nil }
                    out.append(v); it = it.dropFirst(2)
                } else { out.append(b) }
            }
            bytes = out
        }
        guard let bytes else { return nil }
        switch charset {
        case "utf-8": return String(validating: bytes, as: UTF8.self)
        case "us-ascii" where bytes.allSatisfy({ $0 < 0x80 }), "iso-8859-1", "iso-8859-2" where bytes.allSatisfy({ $0 < 0x80 }):
            return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
        default: return nil
        }
    }

    /// Decodes an unfolded header value: encoded words become text, and whitespace between two adjacent
    /// encoded words is dropped (RFC 2047 §6.2); other text is kept as is.
    static func decodeText(_ value: String) -> String {
        var out = ""
        var pendingSpace = ""
        var lastWasEncoded = false
        var token = ""
        func flushToken() {
            guard !token.isEmpty else { return }
            if let decoded = decode(token) {
                if !lastWasEncoded { out += pendingSpace }
                out += decoded
                lastWasEncoded = true
            } else {
                out += pendingSpace + token
                lastWasEncoded = false
            }
            pendingSpace = ""
            token = ""
        }
        for ch in value {
            if ch == " " || ch == "\t" { flushToken(); pendingSpace.append(ch) } else { token.append(ch) }
        }
        flushToken()
        return out + pendingSpace
    }
}

/// Upper-case hex, as RFC 2045 §6.7 requires for quoted-printable and RFC 2047 for Q.
enum Hex {
    static let digits = Array("0123456789ABCDEF".utf8)
    static func byte(_ b: UInt8) -> String {
        String(decoding: [digits[Int(b >> 4)], digits[Int(b & 0xF)]], as: UTF8.self)
    }
    static func value(_ pair: some Collection<UInt8>) -> UInt8? {
        var v: UInt8 = 0
        for c in pair {
            guard let i = digits.firstIndex(of: c) ?? (c >= 0x61 && c <= 0x66 ? Int(c - 0x61 + 10) : nil) else { return nil }
            v = v << 4 | UInt8(i)
        }
        return v
    }
}

/// Base64 (RFC 4648 §4) without line breaks; small enough to keep the MIME writer dependency-free.
enum Base64 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i < bytes.count {
            let n = min(3, bytes.count - i)
            let b0 = bytes[i], b1 = n > 1 ? bytes[i + 1] : 0, b2 = n > 2 ? bytes[i + 2] : 0
            out.append(alphabet[Int(b0 >> 2)])
            out.append(alphabet[Int((b0 & 0x3) << 4 | b1 >> 4)])
            out.append(n > 1 ? alphabet[Int((b1 & 0xF) << 2 | b2 >> 6)] : UInt8(ascii: "="))
            out.append(n > 2 ? alphabet[Int(b2 & 0x3F)] : UInt8(ascii: "="))
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func decode(_ s: String) -> [UInt8]? {
        var out: [UInt8] = []
        var acc: UInt32 = 0, bits = 0
        for c in s.utf8 {
            if c == UInt8(ascii: "=") { break }
            guard let v = alphabet.firstIndex(of: c) else { return nil }
            acc = acc << 6 | UInt32(v); bits += 6
            if bits >= 8 { bits -= 8; out.append(UInt8((acc >> UInt32(bits)) & 0xFF)) }
        }
        return out
    }
}
