import Foundation

/// The summaries of a library, loaded and validated once.
public struct Library: Sendable {
    /// Summaries that loaded without errors, sorted by id.
    public var summaries: [LoadedSummary]
    /// Every problem found, sorted by file and position.
    public var diagnostics: [Diagnostic]
    /// Source files that could not be loaded (syntax or validation errors, or a duplicate id).
    public var failedFiles: [String]

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

    /// Summaries in the site's category order, then by title: the order of collections.
    public var inCategoryOrder: [LoadedSummary] {
        summaries.sorted { ($0.summary.category.siteOrder, $0.summary.title, $0.id) < ($1.summary.category.siteOrder, $1.summary.title, $1.id) }
    }

    /// Loads files and folders (a folder contributes its `*.yaml`/`*.yml` files, not recursing).
    public static func load(paths: [String]) -> Library {
        var diagnostics: [Diagnostic] = []
        var files: [String] = []
        for p in paths {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: p, isDirectory: &isDir) else {
                diagnostics.append(Diagnostic(.error, file: p, line: 1, column: 1, field: "", message: "no such file or folder"))
                continue
            }
            if isDir.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: p)) ?? []
                files += names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
                    .map { (p as NSString).appendingPathComponent($0) }
            } else {
                files.append(p)
            }
        }
        let results = readAll(files)
        var loaded: [LoadedSummary] = []
        var failed: [String] = []
        var firstFile: [String: String] = [:]
        for (file, r) in zip(files, results) {
            diagnostics += r.read.diagnostics
            guard let s = r.read.summary else { failed.append(file); continue }
            if let other = firstFile[s.id] {
                diagnostics.append(Diagnostic(.error, file: file, line: r.read.idLine, column: r.read.idColumn, field: "id",
                                              message: "duplicate id '\(s.id)': \(other) already uses it"))
                failed.append(file)
                continue
            }
            firstFile[s.id] = file
            loaded.append(LoadedSummary(summary: s, sourcePath: file, sourceBytes: r.bytes,
                                        warnings: r.read.diagnostics.filter { $0.severity == .warning }))
        }
        loaded.sort { $0.id < $1.id }
        return Library(summaries: loaded, diagnostics: diagnostics, failedFiles: failed)
    }

    private struct FileResult: Sendable {
        var read: SummaryReader.Result
        var bytes: [UInt8]
    }

    /// Reads and validates files on all cores; each file is independent.
    private static func readAll(_ files: [String]) -> [FileResult] {
        let slots = ResultSlots<FileResult>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            slots[i] = readOne(files[i])
        }
        return slots.values
    }

    private static func readOne(_ file: String) -> FileResult {
        guard let data = FileManager.default.contents(atPath: file) else {
            return FileResult(read: .init(summary: nil, diagnostics: [Diagnostic(.error, file: file, line: 1, column: 1, field: "", message: "cannot read the file")], idLine: 1, idColumn: 1), bytes: [])
        }
        let bytes = [UInt8](data)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let bad = firstInvalidUTF8(bytes)
            let line = 1 + bytes[..<bad].filter { $0 == 10 }.count
            return FileResult(read: .init(summary: nil, diagnostics: [Diagnostic(.error, file: file, line: line, column: 1, field: "", message: "the file is not valid UTF-8; save it as UTF-8")], idLine: 1, idColumn: 1), bytes: bytes)
        }
        return FileResult(read: SummaryReader.read(yaml: text, file: file), bytes: bytes)
    }
}

/// Offset of the first byte that does not start a valid UTF-8 sequence.
func firstInvalidUTF8(_ b: [UInt8]) -> Int {
    var i = 0
    while i < b.count {
        let n: Int
        switch b[i] {
        case 0x00...0x7F: n = 1
        case 0xC2...0xDF: n = 2
        case 0xE0...0xEF: n = 3
        case 0xF0...0xF4: n = 4
        default: return i
        }
        guard i + n <= b.count, String(validating: b[i..<(i + n)], as: UTF8.self) != nil else { return i }
        i += n
    }
    return i
}

/// Fixed slots that concurrent iterations fill by index, each slot written once.
final class ResultSlots<T: Sendable>: @unchecked Sendable {
    private var storage: [T?]
    private let lock = NSLock()
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    subscript(i: Int) -> T? {
        get { lock.withLock { storage[i] } }
        set { lock.withLock { storage[i] = newValue } }
    }
    var values: [T] { lock.withLock { storage.map { $0! } } }
}
