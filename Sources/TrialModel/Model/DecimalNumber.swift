/// A number as the source wrote it: `10.0` stays `10.0`, so every output shows the published precision.
public struct DecimalNumber: Sendable, Codable, Equatable, Hashable, CustomStringConvertible {
    public let value: Double
    /// Canonical decimal text (`44.3`, `0.75`, `518`), never exponent notation.
    public let text: String

    public init?(_ text: String) {
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
