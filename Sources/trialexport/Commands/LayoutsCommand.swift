import ArgumentParser
import Foundation
import PDFExport
import TrialExportCore

struct LayoutsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "layouts",
        abstract: "List the PDF page layouts in layouts/ (a new layout is a new file there); check them all.")

    @OptionGroup var resources: ResourceOptions

    func run() throws {
        let folder = try resources.root().appendingPathComponent("layouts")
        let rows: [(name: String, summary: String)]
        do { rows = try PDFLayouts.list(layoutsFolder: folder) } catch {
            throw Report.fail("\(error)")
        }
        let width = rows.map(\.name.count).max() ?? 0
        for r in rows { print(r.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + r.summary) }
    }
}
