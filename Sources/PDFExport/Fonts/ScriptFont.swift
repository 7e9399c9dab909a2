import ExportKit
import Foundation
import TrialModel

/// Scripts whose fonts are loaded only for a summary that needs them: the handout's main fonts cover Latin,
/// Greek and Cyrillic, and loading a 16 MB CJK font for every English handout would slow every run down.
/// A worker keeps one font setup per set of scripts, so a handout's fonts (and bytes) never depend on
/// what the worker rendered before.
///
/// Chinese has two faces of the same family: `han`, the common characters (GB 2312's hanzi and everything
/// but ideographs and Hangul, 5.4 MB per weight with TrueType outlines), and `hanFull`, the whole 16 MB
/// face, which a summary gets instead only when it has a character the common face lacks and the full one
/// has. Both are made by `make fonts`; the full face alone also works (`han` then loads it), only more slowly.
enum ScriptFont: String, CaseIterable, Comparable {
    case arabic, hebrew, devanagari, han, hanFull

    /// The files of `fonts/` that belong to the script; every other font file is a main font.
    var filePrefix: String {
        switch self {
        case .arabic: "NotoSansArabic-"
        case .hebrew: "NotoSansHebrew-"
        case .devanagari: "NotoSansDevanagari-"
        case .han: "NotoSansSCCommon-"
        case .hanFull: "NotoSansSC-"
        }
    }

    /// Whether a file of `fonts/` belongs to a script (and is not a main font).
    static func owns(fileNamed name: String) -> Bool { allCases.contains { name.hasPrefix($0.filePrefix) } }

    /// The font family the files hold.
    var family: String {
        switch self {
        case .arabic: "Noto Sans Arabic"
        case .hebrew: "Noto Sans Hebrew"
        case .devanagari: "Noto Sans Devanagari"
        case .han, .hanFull: "Noto Sans CJK SC"
        }
    }

    var title: String {
        switch self {
        case .arabic: "Arabic"
        case .hebrew: "Hebrew"
        case .devanagari: "Devanagari"
        case .han, .hanFull: "Chinese (Han)"
        }
    }

    /// What to do when the script's font is missing.
    var remedy: String {
        self == .han || self == .hanFull ? "run `make fonts` (it extracts Noto Sans CJK SC from Debian's fonts-noto-cjk)"
                     : "restore \(filePrefix)Regular.ttf and \(filePrefix)Bold.ttf (see fonts/README.md)"
    }

    static func < (a: ScriptFont, b: ScriptFont) -> Bool { a.rawValue < b.rawValue }

    /// The script font a character needs, if any. Han includes the CJK punctuation, kana and full-width forms
    /// that Chinese text uses.
    static func of(_ u: Unicode.Scalar) -> ScriptFont? {
        switch u.value {
        case 0x0590...0x05FF, 0xFB1D...0xFB4F: .hebrew
        case 0x0600...0x06FF, 0x0750...0x077F, 0x0870...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: .arabic
        case 0x0900...0x097F, 0xA8E0...0xA8FF, 0x1CD0...0x1CFF: .devanagari
        case 0x2E80...0x2FDF, 0x3000...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFE30...0xFE4F,
             0xFF00...0xFFEF: .han
        default: nil
        }
    }

    /// The script fonts a summary needs: those of its language (the tool's own words are in it) and of every
    /// character of its text.
    static func needed(by item: LoadedSummary, fontsFolder: URL) -> Set<ScriptFont> {
        var out = Set<ScriptFont>()
        switch WritingScript(languageTag: item.summary.language) {
        case .arabic: out.insert(.arabic)
        case .hebrew: out.insert(.hebrew)
        case .devanagari: out.insert(.devanagari)
        case .han: out.insert(.han)
        case .latin, .other: break
        }
        // Every string of the model (the source could spell a character as an escape): a derived view,
        // walked once per summary, though this runs for every handout in every layout.
        guard let scalars = item.nonASCIIScalars else { return out }
        for u in scalars { if let s = of(u) { out.insert(s) } }
        return chooseHanFace(out, scalars: scalars, fontsFolder: fontsFolder)
    }

    /// The script fonts the characters of `text` need.
    static func needed(in text: String, fontsFolder: URL) -> Set<ScriptFont> {
        var out = Set<ScriptFont>()
        var scalars: [Unicode.Scalar] = []
        for u in text.unicodeScalars where u.value >= 0x80 {
            scalars.append(u)
            if let s = of(u) { out.insert(s) }
        }
        return chooseHanFace(out, scalars: scalars, fontsFolder: fontsFolder)
    }

    /// `han` becomes `hanFull` when one of the characters is in the full Chinese face but not in the common one,
    /// whatever its script (the full face also has Hangul and rare ideographs that `of(_:)` does not map).
    /// Decided from the faces' character maps, read once per process: neither face is loaded to decide.
    private static func chooseHanFace(_ scripts: Set<ScriptFont>, scalars: [Unicode.Scalar], fontsFolder: URL) -> Set<ScriptFont> {
        guard scripts.contains(.han) else { return scripts }
        guard let common = CharacterMaps.shared.map(of: .han, in: fontsFolder) else { return scripts }
        let lacking = scalars.filter { !common.contains($0) }
        guard !lacking.isEmpty, let full = CharacterMaps.shared.map(of: .hanFull, in: fontsFolder),
              lacking.contains(where: { full.containsInAny($0) }) else { return scripts }
        var out = scripts
        out.remove(.han)
        out.insert(.hanFull)
        return out
    }

    /// The files of `fonts/` for the script, or an error naming the summary and the script. Without the common
    /// Chinese face, `han` takes the full one.
    func files(in all: [URL], summary: String?) throws -> [URL] {
        let mine = all.filter { $0.lastPathComponent.hasPrefix(filePrefix) }
        guard mine.isEmpty else { return mine }
        if self == .han { return try ScriptFont.hanFull.files(in: all, summary: summary) }
        let who = summary.map { "summary '\($0)'" } ?? "the text"
        throw ExportError.configuration("\(who) needs a font for the \(title) script, but fonts/ has no \(filePrefix)* file; "
                                        + remedy + " (a PDF without it would show empty boxes)")
    }
}
