import ExportKit
import Foundation
import PDFExport
import TrialModel

// `make bench`: milliseconds per handout that cairo's drawing and the PDF/UA-1 finishing take, on the
// summaries in the folder given (default summaries/), in every layout. Run from the repository root.
let folder = CommandLine.arguments.dropFirst().first ?? "summaries"
let library = Library.load(paths: [folder])
guard !library.summaries.isEmpty else { FileHandle.standardError.write(Data("no summaries in \(folder)\n".utf8)); exit(1) }
let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
let context = ExportContext(settings: .defaults, resourceRoot: root, options: ExportOptions(), toolVersion: "bench")
for f in try FinisherBenchmark.measure(library.summaries, context: context, layouts: ["a4", "letter", "large-print"]) {
    print(String(format: "pdfua-bench: %@: %d handouts, drawing %.2f ms, PDF/UA finishing %.2f ms per handout",
                 f.layout, f.handouts, f.drawMilliseconds, f.finishMilliseconds))
}
