import ArgumentParser
import TrialExportCore

struct FormatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "formats", abstract: "List the registered export formats.")

    func run() throws {
        for e in ExporterRegistry.all {
            let i = e.info
            let collection = i.hasCollection ? ", with a whole-library collection" : ""
            print("\(i.name.padding(toLength: 8, withPad: " ", startingAt: 0)) \(i.title) (\(i.mediaType)\(collection))")
        }
    }
}
