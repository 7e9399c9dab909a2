import Foundation

extension String {
    /// Substring test over UTF-8 bytes. With Foundation imported, `contains(_:)` resolves to NSString's
    /// `range(of:)`, which was a tenth of lint's time.
    func hasSubstring(_ needle: String) -> Bool {
        bytesContain(needle, foldingASCIICase: false)
    }

    /// Substring test ignoring ASCII case; `needle` is lower-case ASCII.
    func hasSubstring(ignoringASCIICase needle: String) -> Bool {
        bytesContain(needle, foldingASCIICase: true)
    }

    private func bytesContain(_ needle: String, foldingASCIICase fold: Bool) -> Bool {
        var hay = self, pin = needle
        return hay.withUTF8 { h in
            pin.withUTF8 { n in
                guard !n.isEmpty else { return true }
                guard h.count >= n.count else { return false }
                // Only positions holding the needle's first byte are compared, found by memchr; when folding a
                // letter, once for each case.
                let first = n[0]
                let other = fold && first >= 97 && first <= 122 ? first - 32 : first
                func rest(at i: Int) -> Bool {
                    var k = 1
                    while k < n.count {
                        let b = h[i + k]
                        if (fold && b >= 65 && b <= 90 ? b | 0x20 : b) != n[k] { return false }
                        k += 1
                    }
                    return true
                }
                func find(_ byte: UInt8) -> Bool {
                    guard let base = h.baseAddress else { return false }
                    let last = h.count - n.count
                    var i = 0
                    while i <= last, let hit = memchr(base + i, Int32(byte), last - i + 1) {
                        let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                        if rest(at: at) { return true }
                        i = at + 1
                    }
                    return false
                }
                return find(first) || (other != first && find(other))
            }
        }
    }

    /// Whether a character here matches an ASCII letter under case-insensitive matching with full case folding
    /// (Kelvin sign, long s, dotted capital I, ß, the Latin ligatures…): then the literal pre-checks of the
    /// wording rules are not sure, and the regular expressions run regardless.
    var hasCaseFoldingToASCII: Bool {
        guard !isASCIIText else { return false }
        return unicodeScalars.contains { u in
            switch u.value {
            case 0x00DF, 0x0130, 0x0149, 0x017F, 0x01F0, 0x1E96...0x1E9E, 0x212A, 0xFB00...0xFB06: true
            default: false
            }
        }
    }

    /// A `.` or `,` followed by a digit (or by any non-ASCII character, which may be a digit of another script).
    var hasDecimalSeparatorBeforeDigit: Bool {
        var s = self
        return s.withUTF8 { b in
            guard b.count >= 2 else { return false }
            for i in 0..<(b.count - 1) where b[i] == 0x2E || b[i] == 0x2C {
                let n = b[i + 1]
                if (n >= 0x30 && n <= 0x39) || n >= 0x80 { return true }
            }
            return false
        }
    }
}

extension String {
    /// Whether some Character is an ASCII digit, as `contains { $0.isASCII && $0.isNumber }` decides, without
    /// breaking the text into Characters: a digit byte between ASCII bytes (or the ends) is always a Character of
    /// its own. Only when every digit has a non-ASCII neighbour (which could join it into a larger Character)
    /// do the Characters decide.
    var hasASCIIDigitCharacter: Bool {
        var s = self
        let quick: Bool? = s.withUTF8 { b in
            var sawDigit = false
            for i in 0..<b.count where b[i] >= 0x30 && b[i] <= 0x39 {
                if (i == 0 || b[i - 1] < 0x80) && (i + 1 == b.count || b[i + 1] < 0x80) { return true }
                sawDigit = true
            }
            return sawDigit ? nil : false
        }
        return quick ?? contains { $0.isASCII && $0.isNumber }
    }
}
