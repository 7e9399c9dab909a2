import Foundation

/// Decides whether a path may be read as a source, and reads it within `Limits.fileBytes`.
enum SourceCheck {
    struct Refusal: Error {
        var message: String
    }

    static func isSymlink(_ path: String) -> Bool {
        status(path)?.type == FileType.symbolicLink
    }

    /// lstat's file type and size. `FileManager.attributesOfItem` (which also uses lstat) builds a dictionary of
    /// every attribute and looks up the owner's and group's names for each file: two thirds of checking a source.
    private static func status(_ path: String) -> (type: UInt32, size: Int)? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return (UInt32(info.st_mode) & FileType.mask, Int(info.st_size))
    }

    /// The `st_mode` file type bits (POSIX values).
    private enum FileType {
        static let mask: UInt32 = 0o170000
        static let regular: UInt32 = 0o100000
        static let directory: UInt32 = 0o040000
        static let symbolicLink: UInt32 = 0o120000
    }

    /// `library` is the folder the file was listed from: a symbolic link must stay inside it.
    static func read(_ path: String, library: String?) -> Result<SourceFile, Refusal> {
        guard let real = realPath(path) else {
            return .failure(Refusal(message: "is a symbolic link that leads nowhere or in a loop; not read"))
        }
        if let library, isSymlink(path) {
            guard let root = realPath(library), real.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
                return .failure(Refusal(message: "is a symbolic link to a file outside the library; not read"))
            }
        }
        guard let (type, size) = status(real) else {
            return .failure(Refusal(message: "cannot read the file"))
        }
        switch type {
        case FileType.regular: break
        case FileType.directory: return .failure(Refusal(message: "is a folder, not a file"))
        default: return .failure(Refusal(message: "is not a regular file (a device, pipe or socket); not read"))
        }
        if size > Limits.fileBytes {
            return .failure(Refusal(message: tooBig(size)))
        }
        guard let handle = FileHandle(forReadingAtPath: real) else { return .failure(Refusal(message: "cannot read the file")) }
        defer { try? handle.close() }
        // The size can change between the check and the read: never read more than the limit.
        guard let data = try? handle.read(upToCount: Limits.fileBytes + 1) else {
            return .success(SourceFile(path: path, bytes: []))
        }
        if data.count > Limits.fileBytes { return .failure(Refusal(message: tooBig(data.count))) }
        return .success(SourceFile(path: path, bytes: [UInt8](data)))
    }

    static func tooBig(_ size: Int) -> String {
        "is \(size) bytes; source files are at most \(Limits.fileBytes) bytes"
    }

    private static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }
}
