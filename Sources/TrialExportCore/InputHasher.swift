import ExportKit
import Foundation
import TrialModel

/// What an output is built from, as one hash: tool version, format, variant, settings, options, the variant's
/// resources (layout, fonts) and the summary source. Equal hashes mean the output would come out the same.
struct InputHasher: Sendable {
    private let common: [[UInt8]]
    /// Per format and variant: the digest of its resources, computed once per run.
    private let fingerprints: [String: [UInt8]]

    init(settings: Settings, options: ExportOptions, exporters: [any Exporter]) {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        let settingsBytes = Array((try? e.encode(settings)) ?? Data())
        common = [Array(TrialExportVersion.current.utf8), settingsBytes, Array(String(describing: options).utf8)]
        var f: [String: [UInt8]] = [:]
        for x in exporters {
            let name = type(of: x).info.name
            for v in Set(x.variants + [""]) { f[name + "\u{0}" + v] = Array(Hashing.sha256(x.fingerprint(variant: v)).utf8) }
        }
        fingerprints = f
    }

    func summaryHash(_ e: any Exporter, variant: String, sourceDigest: String) -> String {
        let f = type(of: e).info.name
        return Hashing.sha256(parts: common + [Array(f.utf8), Array(variant.utf8), fingerprints[f + "\u{0}" + variant] ?? [],
                                               Array(sourceDigest.utf8)])
    }

    /// Per format: the hash of its collection, from every source (path and digest, in path order).
    func collectionHashes(_ sources: [(path: String, digest: String)]) -> [String: String] {
        let listing = sources.sorted { $0.path < $1.path }.flatMap { [Array($0.path.utf8), Array($0.digest.utf8)] }
        var out: [String: String] = [:]
        for (key, fingerprint) in fingerprints where key.hasSuffix("\u{0}") {
            let f = String(key.dropLast())
            out[f] = Hashing.sha256(parts: common + [Array(f.utf8), Array("collection".utf8), fingerprint] + listing)
        }
        return out
    }
}
