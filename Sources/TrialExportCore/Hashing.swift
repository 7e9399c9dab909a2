import Crypto
import Foundation
import TrialModel

/// SHA-256 in lower-case hex, for manifest entries and input hashes.
enum Hashing {
    static func sha256(_ data: Data) -> String { hex(SHA256.hash(data: data)) }
    static func sha256(_ bytes: [UInt8]) -> String { hex(SHA256.hash(data: bytes)) }

    /// Hash and size of a file, read in chunks so a large output is never in memory whole.
    static func sha256(fileAt url: URL) throws -> (hash: String, size: Int) {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var h = SHA256()
        var size = 0
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            h.update(data: chunk)
            size += chunk.count
        }
        return (hex(h.finalize()), size)
    }

    /// Hash of the given byte ranges of an open file, in order, read in chunks; fails if a range runs past the end.
    static func sha256(of handle: FileHandle, ranges: [Range<UInt64>]) throws -> String {
        var h = SHA256()
        for r in ranges {
            try handle.seek(toOffset: r.lowerBound)
            var left = r.upperBound - r.lowerBound
            while left > 0 {
                guard let chunk = try handle.read(upToCount: Int(min(left, 1 << 20))), !chunk.isEmpty else {
                    throw CocoaError(.fileReadCorruptFile)
                }
                h.update(data: chunk)
                left -= UInt64(chunk.count)
            }
        }
        return hex(h.finalize())
    }

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

    /// `Hex.lower`'s digits, written straight from the digest's bytes: the generic version walked the digest
    /// through an unspecialised iterator (~18,000 instructions a hash, ~16,000 hashes in a 1,000-summary run).
    static func hex(_ digest: SHA256Digest) -> String {
        digest.withUnsafeBytes { raw in
            String(unsafeUninitializedCapacity: raw.count * 2) { out in
                let digits: StaticString = "0123456789abcdef"
                let d = digits.utf8Start
                for (k, b) in raw.enumerated() {
                    out[2 * k] = d[Int(b >> 4)]
                    out[2 * k + 1] = d[Int(b & 0x0F)]
                }
                return raw.count * 2
            }
        }
    }
}
