import DigestExport
import EPUBExport
import ExportKit
import JSONLDExport
import PDFExport

/// Every format trialexport knows, in the order `formats` lists them and `all` runs them.
/// Adding a format = one target folder + one line here.
public enum ExporterRegistry {
    public static let all: [any Exporter.Type] = [
        PDFExporter.self,
        EPUBExporter.self,
        DigestExporter.self,
        JSONLDExporter.self,
    ]

    public static func named(_ name: String) -> (any Exporter.Type)? { all.first { $0.info.name == name } }
    public static var names: [String] { all.map { $0.info.name } }
}
