import Foundation
import TrialExportCore

/// Shell completion candidates, computed by the tool when the shell asks (CompletionKind.custom).
/// Each reads `--input` / `--resources` from the words typed so far, else uses the project folder.
enum Completions {
    /// Summary ids: the names of the summary files in the input folder (a summary's file is named for its id).
    @Sendable static func summaries(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        let folder = value(of: "--input", in: words) ?? Project.defaultPath("summaries")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { !$0.hasPrefix(".") && ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) }
            .map { ($0 as NSString).deletingPathExtension }.filter { $0.hasPrefix(prefix) }.sorted()
    }

    /// File names in every `kind` folder (layouts/) the run would search, for `ResourceCompletion`.
    @Sendable static func resourceFiles(_ words: [String], _ kind: String) -> [String] {
        ResourceSearch.merged(ResourceSearch(explicit: value(of: "--resources", in: words)).folders(kind)).map(\.name)
    }

    private static func value(of option: String, in words: [String]) -> String? {
        for (i, w) in words.enumerated() {
            if w == option, i + 1 < words.count { return words[i + 1] }
            if w.hasPrefix(option + "=") { return String(w.dropFirst(option.count + 1)) }
        }
        return nil
    }
}
