import ArgumentParser
import Foundation
import TrialExportCore

struct LayoutsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "layouts", abstract: "List the PDF page layouts in layouts/.")

    func run() throws {
        let folder = Project.resourceRoot().appendingPathComponent("layouts")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
        for n in names { print(n) }
    }
}
