import ExportKit
import Foundation
import TrialExportCore
import TrialModel

/// What `watch` keeps between its export rounds, which run in its own process: one writer (so Ctrl-C can let the
/// round in progress finish its files), the exporters, and the workers' font maps. The
/// executable's fingerprint (`CodeFingerprint.current`) is computed once per process, so once per session too.
final class WatchSession: @unchecked Sendable {
    let writer = AtomicWriter()
    private(set) var workers = WorkerCachePool()
    private var exporters: (formats: [String], context: ExportContext, made: [any Exporter])?

    private let lock = NSLock()
    private var running = false
    private var stopping = false
    private var ended = false

    /// Fonts or layouts may have changed: what was built from them is built again in the next round.
    func resourcesChanged() {
        workers = WorkerCachePool()
        exporters = nil
    }

    /// The exporters, made again only when the settings, options or resources changed: making them reads the
    /// layouts and digests every font file, which was a seventh of a round.
    func exporters(named names: [String], context: ExportContext) throws -> [any Exporter] {
        if let e = exporters, e.formats == names, e.context.settings == context.settings, e.context.options == context.options,
           e.context.resourceRoot == context.resourceRoot {
            return e.made
        }
        let made = try Project.exporters(named: names, context: context)
        exporters = (names, context, made)
        return made
    }

    /// Runs one round unless the watch is stopping; a stop asked for meanwhile ends the process once it is done.
    func round(_ body: () -> Void) {
        let go = lock.withLock { () -> Bool in
            if !stopping { running = true }
            return !stopping
        }
        if go { body() }
        lock.withLock { running = false }
        if lock.withLock({ stopping }) { stopped() }
    }

    /// Ctrl-C (or SIGTERM): between rounds the watch ends at once; during one, the jobs in progress finish and the
    /// manifest is written first (no new output starts), and a second Ctrl-C removes the files being written
    /// and ends it. Either way no half-written file is left and the status is 0.
    func stopOnInterrupt() {
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { [self] in
                let (busy, again) = lock.withLock { () -> (Bool, Bool) in
                    defer { stopping = true }
                    return (running, stopping)
                }
                guard busy else { stopped() }
                if again {
                    writer.interruptAndDrain()
                    stopped()
                }
                writer.interrupt()
            }
            source.resume()
            WatchSession.signalSources.append(source)
        }
    }

    /// Ends the process once, whichever thread (the signal handler's or the watch's) gets here first.
    private func stopped() -> Never {
        if lock.withLock({ defer { ended = true }; return ended }) { while true { pause() } }
        Console.out("watch stopped")
        exit(0)
    }

    nonisolated(unsafe) private static var signalSources: [any DispatchSourceSignal] = []
}
