import Foundation

/// Why an export failed. The CLI maps these to exit codes.
public enum ExportError: Error, CustomStringConvertible, Sendable {
    /// Bad settings or project resources: a located message (`file:line:col: error: …`) or a plain one.
    case configuration(String)
    /// Rendering one summary failed.
    case render(summaryID: String, format: String, message: String)

    public var description: String {
        switch self {
        case .configuration(let m): m
        case .render(let id, let f, let m): "\(f) export of '\(id)' failed: \(m)"
        }
    }
}

/// Any error as one short line: Foundation's file errors print as a multi-line `Error Domain=… UserInfo={…}`
/// dump; this keeps the path and the system's reason (`/out/pdf: Read-only file system`).
public enum ErrorLine {
    public static func describe(_ error: any Error) -> String {
        guard error is CocoaError || error is POSIXError || type(of: error) is NSError.Type else { return "\(error)" }
        let ns = error as NSError
        let path = (ns.userInfo[NSFilePathErrorKey] as? String) ?? (ns.userInfo[NSURLErrorKey] as? URL)?.path
        return path.map { "\($0): \(reason(ns, path: $0))" } ?? reason(ns, path: nil)
    }

    private static func reason(_ ns: NSError, path: String?) -> String {
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        switch CocoaError.Code(rawValue: ns.code) {
        case .fileWriteNoPermission, .fileReadNoPermission: return String(cString: strerror(EACCES))
        case .fileWriteOutOfSpace: return String(cString: strerror(ENOSPC))
        case .fileWriteVolumeReadOnly: return String(cString: strerror(EROFS))
        case .fileWriteFileExists: return "a file with this name is in the way"
        case .fileNoSuchFile, .fileReadNoSuchFile: return String(cString: strerror(ENOENT))
        default:
            // Foundation often says only "could not be completed": name the file that stands where a folder must be.
            if let path, let blocker = fileInTheWay(of: path) { return "\(blocker) is a file, not a folder" }
            return ns.localizedDescription
        }
    }

    private static func fileInTheWay(of path: String) -> String? {
        var p = (path as NSString).standardizingPath
        while p != "/" && !p.isEmpty {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: p, isDirectory: &isDir) { return isDir.boolValue ? nil : p }
            p = (p as NSString).deletingLastPathComponent
        }
        return nil
    }
}
