import Foundation

/// The SHA-256 of the running executable's code and data, computed once per process and part of every job's
/// input hash, so a build with any change to the code that renders (or to the compiler that built it) rebuilds
/// every output.
///
/// Chosen over a per-format "render version" that people must remember to bump: it cannot be forgotten, and a
/// needless full rebuild after an upgrade costs minutes once, while a stale output is wrong until noticed.
/// Shared libraries (Cairo, Pango) are not covered; their version changes with the OS image, not with us.
///
/// On ELF systems only the loadable segments are hashed (`ElfSegments`): every byte the process maps from the
/// file, i.e. all its code and data, and none of the debug information, which is about two thirds of a release
/// binary and cannot change what the program does. That reads a quarter of the file (issue 18: the whole
/// 30 MB file cost ~20 ms per run). Elsewhere, or when the file is not a readable ELF, the whole file is hashed.
public enum CodeFingerprint {
    public static let current: String = {
        let candidates = ["/proc/self/exe", Bundle.main.executablePath, CommandLine.arguments.first].compactMap { $0 }
        for path in candidates {
            if let digest = of(executableAt: URL(fileURLWithPath: path)) { return digest }
        }
        // No readable executable: fall back to the version, and say so in the hash.
        return "unreadable-executable-" + TrialExportVersion.current
    }()

    /// The fingerprint of the executable at `url`: "elf-load:" and the SHA-256 of its loadable segments, or the
    /// file's SHA-256 when it is not an ELF file; nil when it cannot be read.
    static func of(executableAt url: URL) -> String? {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        if let header = try? handle.read(upToCount: 64), let segments = ElfSegments.loadable(header: header, handle: handle),
           let digest = try? Hashing.sha256(of: handle, ranges: segments) {
            return "elf-load:" + digest
        }
        return try? Hashing.sha256(fileAt: url).hash
    }
}

/// The file ranges of an ELF file's PT_LOAD program headers (64-bit, little-endian: what Swift on Linux builds).
enum ElfSegments {
    static func loadable(header: Data, handle: FileHandle) -> [Range<UInt64>]? {
        let h = [UInt8](header)
        // "\u{7F}ELF", ELFCLASS64, ELFDATA2LSB.
        guard h.count == 64, h[0] == 0x7F, h[1] == 0x45, h[2] == 0x4C, h[3] == 0x46, h[4] == 2, h[5] == 1 else { return nil }
        let phoff = le(h, 32, 8), phentsize = le(h, 54, 2), phnum = le(h, 56, 2)
        guard phentsize >= 56, phnum > 0, phnum < 4096,
              (try? handle.seek(toOffset: phoff)) != nil,
              let table = try? handle.read(upToCount: Int(phentsize * phnum)), table.count == Int(phentsize * phnum) else { return nil }
        let t = [UInt8](table)
        var out: [Range<UInt64>] = []
        for k in 0..<Int(phnum) {
            let e = k * Int(phentsize)
            guard le(t, e, 4) == 1 else { continue }   // PT_LOAD
            let offset = le(t, e + 8, 8), size = le(t, e + 32, 8)
            if size > 0 { out.append(offset..<(offset + size)) }
        }
        return out.isEmpty ? nil : out
    }

    private static func le(_ b: [UInt8], _ at: Int, _ n: Int) -> UInt64 {
        (0..<n).reversed().reduce(UInt64(0)) { $0 << 8 | UInt64(b[at + $1]) }
    }
}
