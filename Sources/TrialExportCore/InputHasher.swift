import ExportKit
import Foundation
import TrialModel

/// What an output is built from, as one hash: the code (`CodeFingerprint`), format, variant, the settings and
/// options that format reads, the variant's resources (layout, fonts) and the summary source. Equal hashes mean
/// the output would come out the same.
struct InputHasher: Sendable {
    private let common: [[UInt8]]
    /// Per format and variant ("" for the collection): the digest of its configuration and resources, once per run.
    private let fingerprints: [String: [UInt8]]
    private let collectionFingerprints: [String: [UInt8]]

    init(exporters: [any Exporter], code: String = CodeFingerprint.current) {
        common = [Array(TrialExportVersion.current.utf8), Array(code.utf8)]
        var f: [String: [UInt8]] = [:], c: [String: [UInt8]] = [:]
        for x in exporters {
            let name = type(of: x).info.name
            for v in Set(x.variants) {
                f[name + "\u{0}" + v] = Array(Hashing.sha256(parts: [x.configurationFingerprint(collection: false), x.fingerprint(variant: v)]).utf8)
            }
            c[name] = Array(Hashing.sha256(parts: [x.configurationFingerprint(collection: true), x.fingerprint(variant: "")]).utf8)
        }
        fingerprints = f
        collectionFingerprints = c
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
        for (f, fingerprint) in collectionFingerprints {
            out[f] = Hashing.sha256(parts: common + [Array(f.utf8), Array("collection".utf8), fingerprint] + listing)
        }
        return out
    }
}
