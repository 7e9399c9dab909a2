import ArgumentParser
import ExportKit
import Foundation
import TrialExportCore

/// Re-exports on every save. Each round runs `trialexport all` as a child process, so the batch engine's input
/// hashes decide what is rebuilt, and a crash or a bad file in one round never ends the watch.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Export once, then again on every save to summaries/, the settings, layouts/ or fonts/ (Ctrl-C stops).",
        discussion: "Only what changed is rebuilt. An invalid file is reported with its location and keeps its last good outputs. Prints each output written.")

    @OptionGroup var project: ProjectOptions

    @Option(name: .customLong("output"), help: "Output folder (default: output/ in the project folder).", completion: .directory)
    var outputOption: String?

    @OptionGroup var selection: FormatOptions

    @Option(name: .long, help: ArgumentHelp("Poll every N milliseconds instead of using inotify.", valueName: "ms"))
    var poll: Int?

    @Option(name: .long, help: ArgumentHelp("Quiet time that ends a burst of saves.", valueName: "ms"))
    var settle = 20

    func validate() throws {
        if let poll, poll < 1 { throw ValidationError("--poll must be at least 1 ms") }
        if settle < 0 { throw ValidationError("--settle must not be negative") }
    }

    func run() throws {
        let output = outputOption ?? Project.defaultPath("output")
        let round = WatchRound(arguments: childArguments(output: output), output: output)
        let watcher = FolderWatcher(pollingMilliseconds: poll)
        WatchRound.stopOnInterrupt()

        // Watched before the first snapshot, so a save during the first round is seen.
        watcher.watch(folders: watchedFolders())
        var last = inputs()
        round.run(changed: [])
        let how = watcher.mode == .inotify ? "inotify" : "polling every \(poll ?? 100) ms"
        let shown = [project.input + "/", project.config]
            + ResourceSearch.kinds.flatMap { project.resources.search.folders($0).map { $0.path + "/" } }
        Console.out("watching \(shown.joined(separator: ", ")) (\(how)); Ctrl-C stops")
        while true {
            watcher.watch(folders: watchedFolders())
            let now = watcher.next(after: last, settle: settle, snapshot: inputs)
            round.run(changed: now.changes(since: last))
            last = now
        }
    }

    private func childArguments(output: String) -> [String] {
        var args = ["all", "--quiet", "--input", project.input, "--output", output]
        if let c = project.configOption { args += ["--config", c] }
        if let r = project.resources.folder { args += ["--resources", r] }
        if !selection.names.isEmpty { args += ["--formats", selection.names.joined(separator: ",")] }
        for l in selection.layout { args += ["--layout", l] }
        return args
    }

    /// The settings file, the summaries and every layouts/ and fonts/ folder the run may read.
    private func inputs() -> FileSnapshot {
        var s = FileSnapshot()
        s.add(folder: project.input) { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
        s.add(file: project.config)
        for kind in ResourceSearch.kinds { for f in project.resources.search.folders(kind) { s.add(folder: f.path) } }
        return s
    }

    private func watchedFolders() -> [String] {
        var folders = [project.input, (project.config as NSString).deletingLastPathComponent]
        folders += ResourceSearch.kinds.flatMap { project.resources.search.folders($0).map(\.path) }
        return folders.map { $0.isEmpty ? "." : $0 }.filter { FileManager.default.fileExists(atPath: $0) }
    }
}

/// One export round: the child process, then the outputs it wrote.
struct WatchRound {
    var arguments: [String]
    var output: String

    func run(changed: [String]) {
        for c in changed { Console.out("changed: \(c)") }
        let start = ContinuousClock.now
        let before = outputs()
        let child = Process()
        child.executableURL = Project.executable
        child.arguments = arguments
        do {
            try child.run()
            WatchRound.current.set(child.processIdentifier)
            child.waitUntilExit()
            WatchRound.current.set(0)
        } catch {
            Console.err("error: cannot run the export: \(error)")
        }
        let written = outputs().changes(since: before).filter { !$0.hasSuffix("/" + "manifest.json") }
        for w in written { Console.out("wrote \(w)") }
        let ms = (ContinuousClock.now - start).components
        Console.out("round done in \(ms.seconds * 1000 + ms.attoseconds / 1_000_000_000_000_000) ms: \(written.count) outputs written" + (child.terminationStatus == 0 ? "" : ", with errors (see above)"))
    }

    private func outputs() -> FileSnapshot {
        var s = FileSnapshot()
        s.addTree(output)
        return s
    }

    /// The running child's pid (0: none), for Ctrl-C.
    static let current = RunningChild()
    nonisolated(unsafe) private static var signalSources: [any DispatchSourceSignal] = []

    /// Ctrl-C (or SIGTERM) lets a running export clean up its temporary files, then ends the watch with status 0.
    static func stopOnInterrupt() {
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler {
                let pid = current.get()
                if pid > 0 {
                    kill(pid, sig)
                    var status: Int32 = 0
                    waitpid(pid, &status, 0)
                }
                Console.out("watch stopped")
                exit(0)
            }
            source.resume()
            signalSources.append(source)
        }
    }
}

/// The pid of the export running now (0: none), shared with the signal handler.
final class RunningChild: @unchecked Sendable {
    private let lock = NSLock()
    private var pid: Int32 = 0
    func set(_ p: Int32) { lock.withLock { pid = p } }
    func get() -> Int32 { lock.withLock { pid } }
}

/// Unbuffered writes, so lines reach a pipe in order with the child's own output.
enum Console {
    static func out(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
    static func err(_ line: String) { FileHandle.standardError.write(Data((line + "\n").utf8)) }
}
