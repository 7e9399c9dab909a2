/// A number as the source wrote it: `10.0` stays `10.0`, so every output shows the published precision.
public struct DecimalNumber: Sendable, Codable, Equatable, Hashable, CustomStringConvertible {
    public let value: Double
    /// Canonical decimal text (`44.3`, `0.75`, `518`), never exponent notation.
    public let text: String

    public init?(_ text: String) {
        // Most numbers are plain digits with at most one dot and nothing to trim: decided on the bytes, the same
        // answer as trimming and `isPlainDecimal` (which cost a tenth of reading an outcome).
        if let plain = DecimalNumber.plainBytes(text) {
            guard plain, let v = Double(text) else { return nil }
            self.init(value: v, text: text.utf8.first == UInt8(ascii: "+") ? String(text.dropFirst()) : text)
        } else {
            self.init(trimming: text)
        }
    }

    private init(value: Double, text: String) {
        self.value = value
        self.text = text
    }

    /// The general reading: trimmed of spaces and tabs, then checked Character by Character.
    init?(trimming text: String) {
        let t = text.trimmed
        guard DecimalNumber.isPlainDecimal(t), let v = Double(t) else { return nil }
        self.value = v
        self.text = t.hasPrefix("+") ? String(t.dropFirst()) : t
    }

    /// A number with a fixed count of decimals, for generated data.
    public init(_ value: Double, decimals: Int) {
        var s = String(Int((abs(value) * pow10(decimals)).rounded()))
        if decimals > 0 {
            while s.count <= decimals { s = "0" + s }
            s.insert(".", at: s.index(s.endIndex, offsetBy: -decimals))
        }
        self.text = (value < 0 ? "-" : "") + s
        // The value is what the text says, so a number read back from its text is equal to it.
        self.value = Double(self.text)!
    }

    public var decimals: Int {
        guard let dot = text.firstIndex(of: ".") else { return 0 }
        return text.distance(from: dot, to: text.endIndex) - 1
    }

    public var description: String { text }

    /// Whether `exact` rounds to this number at the precision it is written with: 19.6 agrees with 19.63.
    public func agrees(with exact: Double) -> Bool {
        abs(value - exact) <= 0.5 * (1 / pow10(decimals)) * (1 + 1e-9)
    }

    /// Digits written, leading zeros included (`0.0074` has 5): what the number's width on a page depends on.
    public var digitCount: Int { text.utf8.count { $0 >= 0x30 && $0 <= 0x39 } }

    /// For ASCII text that needs no trimming (no leading or trailing space or tab): whether it is
    /// `[+-]?digits(.digits)?`. Nil for anything else, which the general path decides.
    static func plainBytes(_ s: String) -> Bool? {
        var s = s
        return s.withUTF8 { b -> Bool? in
            guard let first = b.first, let last = b.last, ASCIIBytes.all(b) else { return nil }
            if first == 32 || first == 9 || last == 32 || last == 9 { return nil }
            var i = first == UInt8(ascii: "-") || first == UInt8(ascii: "+") ? 1 : 0
            var digits = 0, dots = 0, afterDot = 0
            while i < b.count {
                let c = b[i]
                if c >= 48 && c <= 57 { digits += 1; if dots == 1 { afterDot += 1 } }
                else if c == UInt8(ascii: ".") { if dots == 1 || digits == 0 { return false }; dots = 1 }
                else { return false }
                i += 1
            }
            return digits > 0 && (dots == 0 || afterDot > 0)
        }
    }

    static func isPlainDecimal(_ s: String) -> Bool {
        var chars = Substring(s)
        if chars.first == "-" || chars.first == "+" { chars = chars.dropFirst() }
        let parts = chars.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty else { return false }
        return parts.allSatisfy { p in p.allSatisfy { $0.isASCII && $0.isNumber } } && !(parts.count == 2 && parts[1].isEmpty)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let s = try? c.decode(String.self), let n = DecimalNumber(s) { self = n; return }
        throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected a decimal number as text"))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(text)
    }
}

private func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { r, _ in r * 10 } }
