import Foundation
import TrialModel

/// Bytes that stand for a list of configuration values, for `Exporter.configurationFingerprint`.
public enum ConfigurationFingerprint {
    /// Each value as sorted-key JSON, length-prefixed, so ("ab", "c") and ("a", "bc") differ.
    public static func of(_ values: any Encodable...) -> [UInt8] {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        var out: [UInt8] = []
        for v in values {
            let bytes = Array((try? e.encode(v)) ?? Data("unencodable".utf8))
            withUnsafeBytes(of: UInt64(bytes.count).littleEndian) { out += $0 }
            out += bytes
        }
        return out
    }

    /// What every page of a summary shows of the site: its name, publisher and page address.
    public static func site(_ s: Settings) -> [UInt8] { of(s.siteName, s.publisher, s.baseURL) }
}
