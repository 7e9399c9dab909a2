import DigestExport
import EPUBExport
import ExportKit
import Foundation
import JSONLDExport
import PDFExport
import TrialModel

/// Every format trialexport knows, in the order `formats` lists them and `all` runs them. The CLI builds each
/// format's command, settings section and checks from this list.
/// Adding a format = one target folder + one line here + its target in Package.swift.
public enum ExporterRegistry {
    /// The formats trialexport ships.
    public static let shipped: [any Exporter.Type] = [
        PDFExporter.self,
        EPUBExporter.self,
        DigestExporter.self,
        JSONLDExporter.self,
    ]

    /// The formats of this process: the shipped ones, then any a program built on the CLI added at start-up
    /// (the tests' `trialexport-html`).
    public static var all: [any Exporter.Type] { extra.withLock { shipped + $0 } }

    /// Adds formats before anything is parsed or run; a name already taken is ignored.
    public static func add(_ formats: [any Exporter.Type]) {
        extra.withLock { list in
            for f in formats where !(shipped + list).contains(where: { $0.info.name == f.info.name }) { list.append(f) }
        }
    }

    public static func named(_ name: String) -> (any Exporter.Type)? { all.first { $0.info.name == name } }
    public static var names: [String] { all.map { $0.info.name } }

    /// The sections of `trialexport.yaml` the formats own.
    public static var settingsSections: [any SettingsSection.Type] { all.compactMap { $0.settingsSection } }

    private static let extra = Locked<[any Exporter.Type]>([])
}

/// A value behind a lock.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func withLock<T>(_ body: (inout Value) -> T) -> T { lock.withLock { body(&value) } }
}
