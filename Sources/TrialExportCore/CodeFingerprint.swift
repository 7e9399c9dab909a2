import Foundation

/// The SHA-256 of the running executable, computed once per process and part of every job's input hash, so a
/// build with any change to the code that renders (or to the compiler that built it) rebuilds every output.
///
/// Chosen over a per-format "render version" that people must remember to bump: it cannot be forgotten, and a
/// needless full rebuild after an upgrade costs minutes once, while a stale output is wrong until noticed.
/// Shared libraries (Cairo, Pango) are not covered; their version changes with the OS image, not with us.
/// Cost: one read of the binary per run (measured in docs/performance.md).
public enum CodeFingerprint {
    public static let current: String = {
        let candidates = ["/proc/self/exe", Bundle.main.executablePath, CommandLine.arguments.first].compactMap { $0 }
        for path in candidates {
            if let digest = try? Hashing.sha256(fileAt: URL(fileURLWithPath: path)).hash { return digest }
        }
        // No readable executable: fall back to the version, and say so in the hash.
        return "unreadable-executable-" + TrialExportVersion.current
    }()
}
