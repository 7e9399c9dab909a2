/// Identifiers used in file names, URLs and anchors: `[a-z0-9-]`, starting with a letter or digit.
public enum Slug {
    public static func isValid(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first != "-" else { return false }
        return s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// Names of whole-library outputs that sit beside per-summary ones (`epub/collection.epub`,
    /// `jsonld/collection.jsonld`, `digest/digest.eml`) or in the output root (`manifest.json`): a summary with
    /// such an id would overwrite them, so validation refuses it. A test checks every collection output's name is here.
    public static let reservedSummaryIDs: Set<String> = ["collection", "digest", "manifest"]

    /// Lower-cases and replaces everything else by single dashes: "Who is this for?" → "who-is-this-for".
    public static func make(_ s: String) -> String {
        var out = ""
        for u in s.lowercased().unicodeScalars {
            if ("a"..."z").contains(u) || ("0"..."9").contains(u) { out.unicodeScalars.append(u) }
            else if !out.isEmpty, !out.hasSuffix("-") { out.append("-") }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "section" : out
    }
}
