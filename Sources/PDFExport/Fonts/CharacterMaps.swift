import Foundation

/// The character maps of a script's font files, read once per process and shared by every worker (they are
/// immutable). Keyed by each file's path, size and modification time, so a font replaced while `watch` runs
/// is read again.
///
/// Asked for every Chinese handout (which face it needs), so the asking is cheap: the folder is read with
/// `readdir` and each of the script's files checked with one `stat` (FileManager's listing, URLs for every font
/// file, its attribute dictionary and a formatted key cost about a million instructions per handout, more than
/// the rest of a handout's font choice).
final class CharacterMaps: @unchecked Sendable {
    static let shared = CharacterMaps()

    private struct FileKey: Hashable {
        var path: String, size: Int64, seconds: Int, nanoseconds: Int
    }

    private let lock = NSLock()
    private var maps: [FileKey: CharacterMap] = [:]

    /// What the script's files in `fontsFolder` map, or nil when the folder has none of them (or one cannot
    /// be read: the font setup then reports it).
    func map(of script: ScriptFont, in fontsFolder: URL) -> FaceCoverage? {
        guard let names = CharacterMaps.fontNames(in: fontsFolder.path, prefix: script.filePrefix), !names.isEmpty
        else { return nil }
        var out: [CharacterMap] = []
        for name in names {
            guard let map = self.map(fontsFolder.path + "/" + name) else { return nil }
            out.append(map)
        }
        return FaceCoverage(maps: out)
    }

    /// The folder's `.ttf` and `.otf` files whose names start with `prefix`, sorted as `FontSetup.fontFiles`
    /// sorts them; nil when the folder cannot be read.
    static func fontNames(in folder: String, prefix: String) -> [String]? {
        guard let dir = opendir(folder) else { return nil }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if name.hasPrefix(prefix) && (name.hasSuffix(".ttf") || name.hasSuffix(".otf")) { names.append(name) }
        }
        return names.sorted()
    }

    private func map(_ path: String) -> CharacterMap? {
        // Size and modification time of what a link points to (that is what gets read).
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let key = FileKey(path: path, size: Int64(info.st_size), seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec)
        lock.lock()
        let cached = maps[key]
        lock.unlock()
        if let cached { return cached }
        guard let map = try? CharacterMap(file: URL(fileURLWithPath: path)) else { return nil }
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
