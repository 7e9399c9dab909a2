import Foundation
import TrialModel
@testable import CTGovImport

/// The six real records and the odd inputs, copied into the test bundle (users' clones have no shared/ folder).
enum Records {
    static let folder = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/records")
    static let oddFolder = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/odd")
    static let all = ["NCT00763412", "NCT02210780", "NCT03418623", "NCT03453554", "NCT03630471", "NCT04207047"]

    static func path(_ nct: String) -> String { folder.appendingPathComponent("\(nct).json").path }
    static func odd(_ name: String) -> String { oddFolder.appendingPathComponent(name).path }

    static func study(_ nct: String) throws -> CTGovStudy { try RecordReader.read(file: path(nct)) }

    /// The record as untyped JSON, so tests check the importer against the file, not against its own decoding.
    static func json(_ path: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
    }

    /// Imports, writes YAML with SummaryWriter and reads it back with SummaryReader.
    static func roundTrip(_ file: String, id: String? = nil) throws -> (ImportResult, String, SummaryReader.Result) {
        let result = CTGovImporter.summary(from: try RecordReader.read(file: file), id: id)
        let yaml = try SummaryWriter.yaml(result.summary)
        return (result, yaml, SummaryReader.read(yaml: yaml, file: "\(result.summary.id).yaml"))
    }
}

extension Dictionary where Key == String, Value == Any {
    subscript(path path: String) -> Any? {
        var cur: Any? = self
        for k in path.split(separator: ".") { cur = (cur as? [String: Any])?[String(k)] }
        return cur
    }
}
