import ArgumentParser
import Foundation
import ExportKit
import TrialExportCore

struct LayoutsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "layouts",
        abstract: "List the PDF page layouts (project and installed, file by file) and where they come from; check them all.")

    @OptionGroup var resources: ResourceOptions

    func run() throws {
        // The format that keeps its layouts in layouts/ (the PDF handout) lists and checks them.
        guard let kind = ExporterRegistry.all.compactMap({ $0.resources }).first(where: { $0.folder == "layouts" }) else {
            throw Report.fail("no registered format has layouts")
        }
        let folder = try resources.root().appendingPathComponent(kind.folder)
        let rows: [(name: String, summary: String)]
        do { rows = try kind.list(folder) } catch {
            throw Report.fail("\(error)")
        }
        let width = rows.map(\.name.count).max() ?? 0
        for r in rows { print(r.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + r.summary) }
        // Which folder each layout came from, since project files override installed ones by name.
        let origins = rows.map { folder.appendingPathComponent($0.name + ".yaml").resolvingSymlinksInPath().deletingLastPathComponent().path }
        if Set(origins).count == 1, let only = origins.first {
            print("from \(only)")
        } else {
            for (r, o) in zip(rows, origins) { print("\(r.name) from \(o)") }
        }
    }
}
