import Foundation

extension String {
    /// Whether the UTF-8 holds `byte`, by memchr (`utf8.contains` walks the view a byte at a time).
    package func containsUTF8Byte(_ byte: UInt8) -> Bool {
        var s = self
        return s.withUTF8 { b in
            guard let base = b.baseAddress else { return false }
            return memchr(base, Int32(byte), b.count) != nil
        }
    }

    /// Whether every UTF-8 byte is ASCII, tested eight bytes at a time: `utf8.allSatisfy { $0 < 0x80 }` walks
    /// String.UTF8View a byte at a time, and loading, rich text and lint ask this of every string.
    package var isASCIIText: Bool {
        var s = self
        return s.withUTF8 { ASCIIBytes.all($0) }
    }
}

package enum ASCIIBytes {
    /// Whether every byte is below 0x80, eight at a time.
    package static func all(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        var i = 0
        if let base = b.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= n {
                if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
                i += 8
            }
        }
        while i < n {
            if b[i] >= 0x80 { return false }
            i += 1
        }
        return true
    }
}
