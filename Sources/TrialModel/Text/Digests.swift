/// Lower-case hex of digest bytes (SHA-256 in the manifest, SHA-1 in UUID v5, FNV fingerprints).
public enum Hex {
    public static func lower(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 0xF)]) }
        return String(decoding: out, as: UTF8.self)
    }
}

/// FNV-1a, 64 bit: cheap and stable, for fingerprints that only need to notice a change (never security).
public struct FNV1a64: Sendable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func mix(_ bytes: some Sequence<UInt8>) {
        for b in bytes { value = (value ^ UInt64(b)) &* 0x100_0000_01b3 }
    }

    /// The same over raw bytes: the generic version is not specialised across modules, and iterating a font
    /// file's megabytes through it was a tenth of a `watch` round.
    public mutating func mix(_ bytes: UnsafeRawBufferPointer) {
        var v = value
        for b in bytes { v = (v ^ UInt64(b)) &* 0x100_0000_01b3 }
        value = v
    }

    /// The value as 8 big-endian bytes.
    public var bytes: [UInt8] { withUnsafeBytes(of: value.bigEndian) { Array($0) } }
}
