import ArgumentParser
import ExportKit
import Foundation
import TrialExportCore

/// Re-exports on every save. Each round runs the export of `trialexport all` in this process (fonts stay loaded
/// between rounds), so the batch engine's input hashes decide what is rebuilt, and a bad file or a failed job in
/// one round never ends the watch.
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
        let output = try OutputOptions.parse(["--quiet", "--output=" + (outputOption ?? Project.defaultPath("output"))])
        let session = WatchSession()
        let round = WatchRound(export: ExportRunner(project: project, output: output, formats: selection.names,
                                                    exportOptions: selection.exportOptions, session: session),
                               session: session)
        let watcher = FolderWatcher(pollingMilliseconds: poll)
        session.stopOnInterrupt()

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
            let changed = now.changes(since: last)
            // Fonts and layouts are loaded once per session; a change to them (or to the settings) reloads them.
            if changed.contains(where: { !isSummary($0) }) { session.resourcesChanged() }
            round.run(changed: changed)
            last = now
        }
    }

    private func isSummary(_ path: String) -> Bool {
        (path as NSString).deletingLastPathComponent == project.input && (path.hasSuffix(".yaml") || path.hasSuffix(".yml"))
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

/// One export round, in this process: the export of `all` (the manifest's input hashes decide what is rebuilt),
/// then the outputs it wrote. An error ends the round, never the watch.
struct WatchRound {
    var export: ExportRunner
    var session: WatchSession

    func run(changed: [String]) {
        for c in changed { Console.out("changed: \(c)") }
        let start = ContinuousClock.now
        let before = outputs()
        var failed = false
        session.round {
            // Problems are printed where they arise (settings, summaries, jobs); the error only says there were some.
            do { try export.run() } catch is ExitCodeError { failed = true } catch is ExitCode { failed = true } catch {
                Console.err("error: \(error)")
                failed = true
            }
        }
        // The export's summary line (print, buffered) goes out before watch's own lines (Console, unbuffered).
        fflush(nil)
        let written = outputs().changes(since: before).filter { !$0.hasSuffix("/" + "manifest.json") }
        for w in written { Console.out("wrote \(w)") }
        let ms = (ContinuousClock.now - start).components
        Console.out("round done in \(ms.seconds * 1000 + ms.attoseconds / 1_000_000_000_000_000) ms: \(written.count) outputs written" + (failed ? ", with errors (see above)" : ""))
    }

    private func outputs() -> FileSnapshot {
        var s = FileSnapshot()
        s.addTree(export.output.output)
        return s
    }
}

/// Unbuffered writes, so lines reach a pipe in order with the export's own output.
enum Console {
    static func out(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
    static func err(_ line: String) { FileHandle.standardError.write(Data((line + "\n").utf8)) }
}
