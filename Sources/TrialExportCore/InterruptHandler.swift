import Foundation

/// On SIGINT (Ctrl-C) or SIGTERM: remove half-written temporary files, then exit 130 — no partial output remains.
public enum InterruptHandler {
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    public static func install(cleaning writer: AtomicWriter) {
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler {
                writer.interruptAndDrain()
                FileHandle.standardError.write(Data("\ninterrupted: no partial files were left\n".utf8))
                exit(130)
            }
            source.resume()
            sources.append(source)
        }
    }
}
