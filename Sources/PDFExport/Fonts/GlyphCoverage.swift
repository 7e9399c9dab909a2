import Foundation
import TrialModel

/// Finds the characters of a summary that no font in `fonts/` can draw (Pango would print them as boxes) and
/// reports them as one located warning per summary, at the first such character in the source file.
public final class GlyphCoverage {
    private let fonts: FontSetup
    private let fontsFolder: URL
    /// The script faces' character maps, looked up once per check (nil: `fonts/` has none).
    private var faces: [ScriptFont: FaceCoverage?] = [:]
    private var known: [UInt32: Bool] = [:]

    public init(fontsFolder: URL) throws {
        self.fontsFolder = fontsFolder
        fonts = try FontSetup(fontsFolder: fontsFolder)
    }

    public func warnings(for item: LoadedSummary) -> [Diagnostic] {
        // The usual case, every character drawable, decided without building JSON; the search below (whose
        // order the message follows) runs only when something is missing.
        if let scalars = item.nonASCIIScalars, scalars.allSatisfy({ drawsNothing($0) || covers($0) }) {
            return []
        }
        // Every string of the model (the JSON encoder does not escape non-ASCII), so comments are left out.
        guard let json = try? JSONEncoder().encode(item.summary) else { return [] }
        var missing: [Unicode.Scalar] = []
        var seen = Set<UInt32>()
        for u in String(decoding: json, as: UTF8.self).unicodeScalars where u.value >= 0x80 && seen.insert(u.value).inserted {
            if !drawsNothing(u) && !covers(u) { missing.append(u) }
        }
        guard let first = missing.first else { return [] }
        let (line, column, excerpt) = locate(first, in: String(decoding: item.sourceBytes, as: UTF8.self))
        let examples = missing.prefix(5).map { "\(PrintableText.escape(String($0))) (\(hex($0)))" }.joined(separator: ", ")
        let more = missing.count > 5 ? " and \(missing.count - 5) more" : ""
        return [Diagnostic(.warning, file: item.sourcePath, line: line, column: column, field: "",
                           message: "the PDF fonts have no glyph for \(missing.count) character\(missing.count == 1 ? "" : "s"): "
                               + "\(examples)\(more), first in “\(excerpt)”; the PDF shows them as empty boxes (add a font to fonts/ that has them)")]
    }

    private func covers(_ u: Unicode.Scalar) -> Bool {
        if let k = known[u.value] { return k }
        var k = fonts.covers(u)
        if !k, let script = ScriptFont.of(u) {
            // The script's character maps, not its fonts loaded into Fontconfig (100 ms for the Chinese face);
            // a Han character the common face lacks is looked up in the full one, which handouts then load.
            k = (script == .han ? [ScriptFont.han, .hanFull] : [script]).contains { face($0)?.containsInAny(u) ?? false }
        }
        known[u.value] = k
        return k
    }

    private func face(_ script: ScriptFont) -> FaceCoverage? {
        if let f = faces[script] { return f }
        let f = CharacterMaps.shared.map(of: script, in: fontsFolder)
        faces[script] = .some(f)
        return f
    }

    /// Spaces and format characters (joiners, variation selectors, soft hyphens) need no glyph of their own.
    private func drawsNothing(_ u: Unicode.Scalar) -> Bool {
        u.properties.isWhitespace || u.properties.generalCategory == .format || u.properties.isVariationSelector
    }

    /// Line, column and a short excerpt around the first use of `u` outside a comment line.
    private func locate(_ u: Unicode.Scalar, in source: String) -> (Int, Int, String) {
        for (n, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.drop(while: { $0 == " " }).hasPrefix("#") { continue }
            let scalars = Array(line.unicodeScalars)
            guard let i = scalars.firstIndex(of: u) else { continue }
            var excerpt = String.UnicodeScalarView()
            excerpt.append(contentsOf: scalars[max(0, i - 15)..<min(scalars.count, i + 15)])
            return (n + 1, i + 1, PrintableText.escape(String(excerpt), limit: 40))
        }
        return (1, 1, String(u))
    }

    private func hex(_ u: Unicode.Scalar) -> String {
        let h = String(u.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - h.count)) + h
    }
}
