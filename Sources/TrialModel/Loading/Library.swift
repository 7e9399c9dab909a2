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

    /// Source files whose summaries were not parsed because the caller knew them unchanged: path → summary id.
    public var unchanged: [String: String] = [:]

    /// Ids claimed by several files none of which owned it before: nothing is exported for them, and their
    /// earlier outputs must not be pruned.
    public var disputedIDs: Set<String> = []

    /// Loads files and folders (a folder contributes its `*.yaml`/`*.yml` files, not recursing). With
    /// `recordingPositions`, each summary keeps where its fields are (`LoadedSummary.positions`), for checks that
    /// locate findings after loading (lint); recording costs a walk over every node, so other commands skip it.
    public static func load(paths: [String], recordingPositions: Bool = false) -> Library {
        let (sources, problems) = readSources(paths: paths)
        var lib = load(sources: sources, recordingPositions: recordingPositions)
        lib.adding(refused: problems)
        return lib
    }

    /// Reads the bytes of every source file, in file-name order within each folder. A file that is not a regular
    /// file, is over `Limits.fileBytes`, or (inside a folder) is a symbolic link leading out of that folder is
    /// refused with an error and never read, so its content is never echoed.
    public static func readSources(paths: [String]) -> ([SourceFile], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var files: [(path: String, library: String?)] = []
        for p in paths {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: p, isDirectory: &isDir) || SourceCheck.isSymlink(p) else {
                diagnostics.append(Diagnostic(.error, file: p, line: 1, column: 1, field: "", message: "no such file or folder"))
                continue
            }
            if isDir.boolValue {
                let names: [String]
                do { names = try FileManager.default.contentsOfDirectory(atPath: p) } catch {
                    // An unreadable library must not look like an empty one: callers prune by what is missing.
                    diagnostics.append(Diagnostic(.error, file: p, line: 1, column: 1, field: "", message: "cannot read the folder"))
                    continue
                }
                files += names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
                    .map { ((p as NSString).appendingPathComponent($0), p) }
            } else {
                files.append((p, nil))
            }
        }
        let listed = files
        let slots = ResultSlots<Result<SourceFile, SourceCheck.Refusal>?>(count: listed.count)
        WorkerThreads.forEach(listed.count) { i in
            slots[i] = .some(SourceCheck.read(listed[i].path, library: listed[i].library))
        }
        var sources: [SourceFile] = []
        for (file, result) in zip(files, slots.values) {
            switch result {
            case .success(let source): sources.append(source)
            case .failure(let refusal):
                diagnostics.append(Diagnostic(.error, file: file.path, line: 1, column: 1, field: "", message: refusal.message))
            case nil: break
            }
        }
        return (sources, diagnostics)
    }

    /// Parses and validates sources on all cores. Files listed in `known` (path → id) are not parsed: the caller
    /// has established that they are unchanged since a run that loaded them; their ids still take part in the
    /// duplicate-id check.
    ///
    /// Two files with one id: the file that `owners` (id → path, from the previous run) says owned it keeps it and
    /// the other is refused; with no owner among them, every file with that id is refused and the id goes into
    /// `disputedIDs`, whose earlier outputs the caller keeps. File-name order never decides.
    public static func load(sources: [SourceFile], known: [String: String] = [:], owners: [String: String] = [:],
                            recordingPositions: Bool = false) -> Library {
        let slots = ResultSlots<SummaryReader.Result?>(count: sources.count)
        WorkerThreads.forEach(sources.count) { i in
            let result: SummaryReader.Result? = known[sources[i].path] == nil
                ? SummaryReader.read(bytes: sources[i].bytes, file: sources[i].path, recordingPositions: recordingPositions) : nil
            slots[i] = .some(result)
        }
        let results = slots.values
        var claims: [String: [String]] = [:]
        for (source, result) in zip(sources, results) {
            if let id = known[source.path] ?? result?.summary?.id { claims[id, default: []].append(source.path) }
        }
        func winner(_ id: String) -> String? {
            let files = claims[id] ?? []
            if files.count == 1 { return files[0] }
            return owners[id].flatMap { files.contains($0) ? $0 : nil }
        }
        var diagnostics: [Diagnostic] = []
        var loaded: [LoadedSummary] = []
        var failed: [String] = []
        var unchanged: [String: String] = [:]
        var disputed: Set<String> = []
        for (source, result) in zip(sources, results) {
            let file = source.path
            diagnostics += result?.diagnostics ?? []
            guard let id = known[file] ?? result?.summary?.id else { failed.append(file); continue }
            if let owner = winner(id), owner != file {
                diagnostics.append(Diagnostic(.error, file: file, line: result?.idLine ?? 1, column: result?.idColumn ?? 1, field: "id",
                                              message: "duplicate id '\(id)': \(owner) already uses it; rename this summary's id"))
                failed.append(file)
                continue
            }
            if winner(id) == nil {
                let others = claims[id, default: []].filter { $0 != file }.joined(separator: ", ")
                diagnostics.append(Diagnostic(.error, file: file, line: result?.idLine ?? 1, column: result?.idColumn ?? 1, field: "id",
                                              message: "duplicate id '\(id)': \(others) uses it too; neither is exported (earlier outputs are kept) until one is renamed"))
                failed.append(file)
                disputed.insert(id)
                continue
            }
            if known[file] != nil { unchanged[file] = id; continue }
            guard let s = result?.summary else { continue }
            loaded.append(LoadedSummary(summary: s, sourcePath: file, sourceBytes: source.bytes,
                                        warnings: result!.diagnostics.filter { $0.severity == .warning },
                                        positions: result?.positions))
        }
        loaded.sort { $0.id < $1.id }
        checkTranslations(&loaded, diagnostics: &diagnostics, failed: &failed, sources: sources, known: known)
        var lib = Library(summaries: loaded, diagnostics: diagnostics, failedFiles: failed)
        lib.unchanged = unchanged
        lib.disputedIDs = disputed
        return lib
    }

    /// Translations whose numbers differ from their original's are refused like any invalid summary. An
    /// original skipped as unchanged is parsed here all the same, so a changed translation is always checked.
    private static func checkTranslations(_ loaded: inout [LoadedSummary], diagnostics: inout [Diagnostic], failed: inout [String],
                                          sources: [SourceFile], known: [String: String]) {
        guard loaded.contains(where: { $0.summary.translationOf != nil }) else { return }
        var byID = Dictionary(loaded.map { ($0.id, $0.summary) }, uniquingKeysWith: { a, _ in a })
        var refused = Set<String>()
        for item in loaded {
            guard let originalID = item.summary.translationOf else { continue }
            if byID[originalID] == nil, let path = known.first(where: { $0.value == originalID })?.key,
               let source = sources.first(where: { $0.path == path }) {
                byID[originalID] = read(source).summary
            }
            if byID[originalID] == nil, let found = sibling(originalID, of: item.sourcePath) { byID[originalID] = found }
            let problems = TranslationCheck.problems(item.summary, original: byID[originalID], file: item.sourcePath,
                                                     yaml: String(decoding: item.sourceBytes, as: UTF8.self))
            guard !problems.isEmpty else { continue }
            diagnostics += problems
            failed.append(item.sourcePath)
            refused.insert(item.sourcePath)
        }
        loaded.removeAll { refused.contains($0.sourcePath) }
    }

    /// The original of a translation exported or validated on its own: `<id>.yaml` (or `.yml`) next to it.
    private static func sibling(_ id: String, of path: String) -> Summary? {
        let folder = (path as NSString).deletingLastPathComponent
        for ext in ["yaml", "yml"] {
            let candidate = (folder as NSString).appendingPathComponent("\(id).\(ext)")
            guard case .success(let source) = SourceCheck.read(candidate, library: nil),
                  let summary = read(source).summary, summary.id == id else { continue }
            return summary
        }
        return nil
    }

    private static func read(_ source: SourceFile) -> SummaryReader.Result {
        SummaryReader.read(bytes: source.bytes, file: source.path)
    }
}

extension Library {
    /// Adds the problems of sources that could not be read: each such file counts as failed, in `validate` and
    /// in an export run alike.
    public mutating func adding(refused problems: [Diagnostic]) {
        diagnostics = problems + diagnostics
        failedFiles += problems.filter { $0.severity == .error }.map(\.file)
    }
}

/// The bytes of one source file.
public struct SourceFile: Sendable {
    public var path: String
    public var bytes: [UInt8]
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
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
