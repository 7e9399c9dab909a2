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
        var reason = ns.localizedDescription
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            reason = String(cString: strerror(Int32(underlying.code)))
        } else if ns.domain == NSPOSIXErrorDomain {
            reason = String(cString: strerror(Int32(ns.code)))
        }
        return path.map { "\($0): \(reason)" } ?? reason
    }
}
