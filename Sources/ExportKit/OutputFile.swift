import Foundation

/// One file an exporter produced, with its path relative to the output folder. Exporters never write files:
/// the batch engine does, atomically.
public struct OutputFile: Sendable {
    /// e.g. `pdf/a4/patina.pdf`; always `/`-separated.
    public var path: String
    public var data: Data

    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }
}
