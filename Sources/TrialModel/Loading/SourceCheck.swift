import Foundation

/// Decides whether a path may be read as a source, and reads it within `Limits.fileBytes`.
enum SourceCheck {
    struct Refusal: Error {
        var message: String
    }

    static func isSymlink(_ path: String) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeSymbolicLink
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
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: real),
              let type = attributes[.type] as? FileAttributeType else {
            return .failure(Refusal(message: "cannot read the file"))
        }
        switch type {
        case .typeRegular: break
        case .typeDirectory: return .failure(Refusal(message: "is a folder, not a file"))
        default: return .failure(Refusal(message: "is not a regular file (a device, pipe or socket); not read"))
        }
        if let size = attributes[.size] as? Int, size > Limits.fileBytes {
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
