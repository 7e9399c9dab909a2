import Foundation

/// One file an exporter produced, with its path relative to the output folder. Exporters never write files
/// where readers see them: the batch engine does, atomically.
public struct OutputFile: Sendable {
    public enum Content: Sendable {
        case bytes(Data)
        /// Writes the file itself into the (temporary) file at the URL it is given. For outputs that grow with
        /// the library, such as the collection EPUB, so that their bytes are never all in memory at once.
        case stream(@Sendable (URL) throws -> Void)
    }

    /// e.g. `pdf/a4/patina.pdf`; always `/`-separated.
    public var path: String
    public var content: Content

    public init(path: String, data: Data) {
        self.path = path
        content = .bytes(data)
    }

    public init(path: String, streamingInto write: @escaping @Sendable (URL) throws -> Void) {
        self.path = path
        content = .stream(write)
    }

    /// The file's bytes. A streamed file is written to a temporary file and read back: for tests and tools
    /// that want bytes, not for the batch engine.
    public func bytes() throws -> Data {
        switch content {
        case .bytes(let data): return data
        case .stream(let write):
            let temp = FileManager.default.temporaryDirectory
                .appendingPathComponent("trialexport-\(UUID().uuidString)-\((path as NSString).lastPathComponent)")
            defer { try? FileManager.default.removeItem(at: temp) }
            try write(temp)
            return try Data(contentsOf: temp)
        }
    }
}
