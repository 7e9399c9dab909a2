import Foundation
import TrialModel

/// Writes generated summaries as source files, in parallel.
public enum SampleWriter {
    /// Returns one message per file that could not be written.
    public static func write(count: Int, generator: SampleGenerator, writer: AtomicWriter, folder: URL) -> [String] {
        let failures = Failures()
        WorkerThreads.forEach(count) { i in
            let s = generator.summary(i)
            do {
                let yaml = "# Fictional sample summary written by `trialexport sample --seed \(generator.seed)`.\n" + (try SummaryWriter.yaml(s))
                try writer.write(Data(yaml.utf8), to: folder.appendingPathComponent("\(s.id).yaml"))
            } catch {
                failures.add("\(folder.path)/\(s.id).yaml: error: \(error)")
            }
        }
        return failures.all
    }
}

final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ s: String) { lock.withLock { items.append(s) } }
    var all: [String] { lock.withLock { items.sorted() } }
}
