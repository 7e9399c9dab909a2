import Foundation

/// SIGINT (Ctrl-C) or SIGTERM: the first stops new jobs and lets the run finish the ones in progress and write
/// the manifest of what completed (the command then exits 130); a second one stops at once, removing
/// half-written temporary files. Either way no partial output remains.
public enum InterruptHandler {
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    public static func install(cleaning writer: AtomicWriter) {
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler {
                if writer.isInterrupted {
                    writer.interruptAndDrain()
                    FileHandle.standardError.write(Data("\ninterrupted again: stopped; no partial files were left\n".utf8))
                    exit(130)
                }
                writer.interrupt()
                FileHandle.standardError.write(Data("\ninterrupted: finishing the jobs in progress and writing the manifest (interrupt again to stop now)\n".utf8))
            }
            source.resume()
            sources.append(source)
        }
    }
}
