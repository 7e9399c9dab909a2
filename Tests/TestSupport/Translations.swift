import Foundation
import TrialModel

extension TestSupport {
    /// PATINA and its Spanish translation, loaded (and checked against each other) like the library.
    public static func patinaVersions() throws -> (en: LoadedSummary, es: LoadedSummary) {
        let lib = Library.load(paths: [summariesFolder.path])
        guard let en = lib.summaries.first(where: { $0.id == "patina" }),
              let es = lib.summaries.first(where: { $0.id == "patina-es" }) else {
            throw TestFailure("summaries/ lacks patina or patina-es: \(lib.diagnostics)")
        }
        return (en, es)
    }

    /// The `index`-th sample summary in `language`, loaded like a source file.
    public static func sample(_ language: Language, index: Int = 0, seed: UInt64 = 1) -> LoadedSummary {
        let s = SampleGenerator(seed: seed, language: language).summary(index)
        return LoadedSummary(summary: s, sourcePath: "sample/\(s.id).yaml", sourceBytes: [])
    }
}
