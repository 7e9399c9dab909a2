import Foundation

/// A file-system failure as one line: what failed, on which path, and the system's reason. Foundation's file
/// errors print as a multi-line `Error Domain=… UserInfo={…}` dump; this keeps the path and the system's reason
/// (`/out/pdf: error: cannot write: Read-only file system`). The one describer of file errors.
public struct FileProblem: Error, CustomStringConvertible, Sendable {
    public var description: String

    public init(_ what: String, path: String, errno code: Int32) {
        self.init(line: "\(path): error: \(what): \(String(cString: strerror(code)))")
    }

    public init(line: String) { description = line }

    /// From a Foundation error, keeping only the system's reason.
    public init(_ what: String, path: String, error: any Error) {
        self.init(line: "\(path): error: \(what): \(Self.reason(error as NSError, path: path))")
    }

    /// The message without its `path: error:` prefix.
    public var reason: String {
        guard let r = description.range(of: ": error: ") else { return description }
        return String(description[r.upperBound...])
    }

    /// Any error as one short line: a file error as `path: reason`, anything else as it describes itself.
    public static func describe(_ error: any Error) -> String {
        if let problem = error as? FileProblem { return problem.description }
        guard error is CocoaError || error is POSIXError || type(of: error) is NSError.Type else { return "\(error)" }
        let ns = error as NSError
        let path = (ns.userInfo[NSFilePathErrorKey] as? String) ?? (ns.userInfo[NSURLErrorKey] as? URL)?.path
        return path.map { "\($0): \(reason(ns, path: $0))" } ?? reason(ns, path: nil)
    }

    public static func posixCode(_ error: any Error) -> Int32? {
        if let p = error as? POSIXError { return p.code.rawValue }
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return Int32(ns.code) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? any Error { return posixCode(underlying) }
        return nil
    }

    private static func reason(_ ns: NSError, path: String?) -> String {
        if let code = posixCode(ns) { return String(cString: strerror(code)) }
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
