import Crypto
import Foundation
import TrialModel

/// Deterministic `dc:identifier`s: a name-based UUID (RFC 9562 version 5, SHA-1, URL namespace) of the
/// summary's web page, so every rebuild of the same summary carries the same identifier and a reading
/// system sees a new edition, not a new book. The collection uses the site's base URL.
enum PublicationIdentifier {
    /// RFC 9562 §6.6 namespace ID for URLs: 6ba7b811-9dad-11d1-80b4-00c04fd430c8.
    private static let urlNamespace: [UInt8] = [0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1,
                                                0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8]

    static func urn(forURL url: String) -> String { "urn:uuid:" + uuidV5(url) }

    static func uuidV5(_ name: String) -> String {
        var digest = Array(Insecure.SHA1.hash(data: urlNamespace + Array(name.utf8)).prefix(16))
        digest[6] = (digest[6] & 0x0F) | 0x50 // version 5
        digest[8] = (digest[8] & 0x3F) | 0x80 // RFC variant
        let c = Array(Hex.lower(digest))
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(c[$0]) }.joined(separator: "-")
    }
}
