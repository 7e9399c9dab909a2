import Foundation

/// What `watch` compares between rounds: each watched file's identity (inode, size, modification time).
/// Comparing snapshots instead of trusting individual events makes editor temp files, repeated events and
/// missed events harmless: a round runs exactly when a file that matters differs.
public struct FileSnapshot: Equatable, Sendable {
    public struct Stamp: Equatable, Sendable {
        var inode: UInt64
        var size: Int64
        var modified: Int64
    }

    public private(set) var files: [String: Stamp] = [:]

    public init() {}

    /// Files of `folder` (not recursive) whose names pass `include`; hidden files are never taken.
    public mutating func add(folder: String, include: (String) -> Bool = { _ in true }) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where !name.hasPrefix(".") && include(name) {
            add(file: (folder as NSString).appendingPathComponent(name))
        }
    }

    /// Every file below `folder`, recursively.
    public mutating func addTree(_ folder: String) {
        guard let e = FileManager.default.enumerator(atPath: folder) else { return }
        while let rel = e.nextObject() as? String { add(file: (folder as NSString).appendingPathComponent(rel)) }
    }

    /// One file; a missing file or a folder is left out.
    public mutating func add(file: String) {
        var st = stat()
        guard stat(file, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return }
        files[file] = Stamp(inode: UInt64(st.st_ino), size: Int64(st.st_size),
                            modified: Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec))
    }

    /// Paths added, changed or removed since `old`, sorted.
    public func changes(since old: FileSnapshot) -> [String] {
        Set(files.keys).union(old.files.keys).filter { files[$0] != old.files[$0] }.sorted()
    }
}
