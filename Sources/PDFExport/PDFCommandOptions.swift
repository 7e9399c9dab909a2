import ArgumentParser
import ExportKit
import Foundation

/// `trialexport pdf --layout NAME …`: layouts instead of `pdf.layouts`.
public struct PDFCommandOptions: FormatCommandOptions {
    @Option(name: .long, help: "Layout to render (repeatable; default: the layouts in trialexport.yaml). See `trialexport layouts`.",
            completion: ResourceCompletion.names("layouts", suffix: ".yaml"))
    var layout: [String] = []

    public init() {}

    /// An unknown --layout is a usage error (exit 2), found before anything is loaded.
    public func apply(to options: inout ExportOptions, resourceRoot: () -> URL) throws {
        guard !layout.isEmpty else { return }
        let available = (try? PDFLayouts.names(in: resourceRoot().appendingPathComponent("layouts"))) ?? []
        for name in layout where !available.contains(name) {
            throw ExportError.usage("unknown PDF layout '\(name)'; available layouts: \(available.joined(separator: ", "))")
        }
        options.variants = layout
    }
}
