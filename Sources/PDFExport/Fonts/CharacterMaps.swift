import Foundation

/// The character maps of a script's font files, read once per process and shared by every worker (they are
/// immutable). Keyed by each file's path, size and modification time, so a font replaced while `watch` runs
/// is read again.
final class CharacterMaps: @unchecked Sendable {
    static let shared = CharacterMaps()

    private let lock = NSLock()
    private var maps: [String: CharacterMap] = [:]

    /// What the script's files in `fontsFolder` map, or nil when the folder has none of them (or one cannot
    /// be read: the font setup then reports it).
    func map(of script: ScriptFont, in fontsFolder: URL) -> FaceCoverage? {
        guard let all = try? FontSetup.fontFiles(in: fontsFolder) else { return nil }
        let files = all.filter { $0.lastPathComponent.hasPrefix(script.filePrefix) }
        guard !files.isEmpty else { return nil }
        var out: [CharacterMap] = []
        for file in files {
            guard let map = self.map(file) else { return nil }
            out.append(map)
        }
        return FaceCoverage(maps: out)
    }

    private func map(_ file: URL) -> CharacterMap? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: file.path) else { return nil }
        let key = "\(file.path)|\(attributes[.size] ?? 0)|\((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)"
        lock.lock()
        let cached = maps[key]
        lock.unlock()
        if let cached { return cached }
        guard let map = try? CharacterMap(file: file) else { return nil }
        lock.lock()
        maps[key] = map
        lock.unlock()
        return map
    }
}

/// The characters the files of a face (its weights) map.
struct FaceCoverage {
    let maps: [CharacterMap]
    /// Every weight has the character: the face draws it whatever the text's weight.
    func contains(_ u: Unicode.Scalar) -> Bool { maps.allSatisfy { $0.contains(u) } }
    /// Some weight has it (what Fontconfig's fallback sees: Pango would use that file rather than a box).
    func containsInAny(_ u: Unicode.Scalar) -> Bool { maps.contains { $0.contains(u) } }
}
