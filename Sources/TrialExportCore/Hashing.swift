import Crypto
import Foundation

/// SHA-256 in lower-case hex, for manifest entries and input hashes.
enum Hashing {
    static func sha256(_ data: Data) -> String { hex(SHA256.hash(data: data)) }
    static func sha256(_ bytes: [UInt8]) -> String { hex(SHA256.hash(data: bytes)) }

    /// Hash of several inputs, each length-prefixed so that ("ab","c") and ("a","bc") differ.
    static func sha256(parts: [[UInt8]]) -> String {
        var h = SHA256()
        for p in parts {
            var n = UInt64(p.count).littleEndian
            withUnsafeBytes(of: &n) { h.update(bufferPointer: $0) }
            h.update(data: p)
        }
        return hex(h.finalize())
    }

    private static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        digest.map { String(format: "%02x", $0) }.joined()
    }
}
