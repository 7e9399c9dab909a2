import ArgumentParser
import Foundation
import TrialExportCore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a project: trialexport.yaml, summaries/example.yaml, .gitignore and README.md.",
        discussion: "Refuses to overwrite existing files (exit 1, naming them) unless --force. Layouts and fonts come from the installation; add layouts/ or fonts/ to the project to override them file by file.")

    @Argument(help: "Folder of the new project (default: the current folder; made if missing).", completion: .directory)
    var directory: String = "."

    @Flag(name: .long, help: "Overwrite files that already exist.")
    var force = false

    func run() throws {
        let folder = URL(fileURLWithPath: directory)
        let clash = Scaffold.existing(in: folder)
        if !clash.isEmpty && !force {
            throw Report.fail("\(clash.map { folder.appendingPathComponent($0).path }.joined(separator: ", ")) \(clash.count == 1 ? "already exists" : "already exist"); nothing was written (--force overwrites them)")
        }
        do { try Scaffold.write(into: folder) } catch { throw Report.fail("\(error)") }
        for (path, _) in Scaffold.files { print("wrote \(folder.appendingPathComponent(path).path)") }
        let cd = directory == "." ? "" : "cd \(directory) && "
        print("next: \(cd)trialexport validate && trialexport all")
    }
}
