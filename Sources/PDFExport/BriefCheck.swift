import ExportKit
import Foundation
import TrialModel

/// Renders each summary's brief handout (every `content: brief` layout in `pdf.layouts`) and warns when it
/// takes more than two pages (one sheet, both sides), naming the summary, the layout and the page count.
public struct BriefCheck: Sendable {
    public static let maxPages = 2

    let exporter: PDFExporter?
    let briefLayouts: [String]

    public init(context: ExportContext) throws {
        var names: [String] = []
        for name in context.settings[section: PDFSettings.self].layouts
        where (try? PDFLayouts.load(name, layoutsFolder: context.layoutsFolder))?.content == .brief {
            names.append(name)
        }
        briefLayouts = names
        var only = context
        only.options.variants = names
        exporter = names.isEmpty ? nil : try PDFExporter(context: only)
    }

    /// Every summary's warnings, in order, the summaries spread over all cores.
    public func warnings(_ summaries: [LoadedSummary]) -> [Diagnostic] {
        guard exporter != nil else { return [] }
        return WorkerThreads.map(summaries.count, state: { WorkerCache() }) { worker, i in
            warnings(summaries[i], worker: worker)
        }.flatMap { $0 }
    }

    /// The count comes from composing and paginating, without drawing (`PDFExporter.pageCount`).
    public func warnings(_ item: LoadedSummary, worker: WorkerCache) -> [Diagnostic] {
        guard let exporter else { return [] }
        return briefLayouts.compactMap { layout in
            guard let pages = try? exporter.pageCount(item, variant: layout, worker: worker),
                  pages > BriefCheck.maxPages else { return nil }
            return Diagnostic(.warning, file: item.sourcePath, line: 1, column: 1, field: "brief",
                              message: "summary '\(item.id)': the brief handout (layout \(layout)) takes \(pages) pages, "
                                + "more than \(BriefCheck.maxPages) (one sheet); name parts or outcomes in brief.leaveOut")
        }
    }
}
