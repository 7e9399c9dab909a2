import ExportKit
import Foundation
import TrialModel

/// Scripts whose fonts are loaded only for a summary that needs them: the handout's main fonts cover Latin,
/// Greek and Cyrillic, and loading a 16 MB CJK font for every English handout would slow every run down.
/// A worker keeps one font setup per set of scripts, so a handout's fonts (and bytes) never depend on
/// what the worker rendered before.
enum ScriptFont: String, CaseIterable, Comparable {
    case arabic, hebrew, devanagari, han

    /// The files of `fonts/` that belong to the script; every other font file is a main font.
    var filePrefix: String {
        switch self {
        case .arabic: "NotoSansArabic-"
        case .hebrew: "NotoSansHebrew-"
        case .devanagari: "NotoSansDevanagari-"
        case .han: "NotoSansSC-"
        }
    }

    /// The font family the files hold.
    var family: String {
        switch self {
        case .arabic: "Noto Sans Arabic"
        case .hebrew: "Noto Sans Hebrew"
        case .devanagari: "Noto Sans Devanagari"
        case .han: "Noto Sans CJK SC"
        }
    }

    var title: String {
        switch self {
        case .arabic: "Arabic"
        case .hebrew: "Hebrew"
        case .devanagari: "Devanagari"
        case .han: "Chinese (Han)"
        }
    }

    /// What to do when the script's font is missing.
    var remedy: String {
        self == .han ? "run `make fonts` (it extracts Noto Sans CJK SC from Debian's fonts-noto-cjk)"
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
    static func needed(by item: LoadedSummary) -> Set<ScriptFont> {
        var out = Set<ScriptFont>()
        switch WritingScript(languageTag: item.summary.language) {
        case .arabic: out.insert(.arabic)
        case .hebrew: out.insert(.hebrew)
        case .devanagari: out.insert(.devanagari)
        case .han: out.insert(.han)
        case .latin, .other: break
        }
        // Every string of the model (the source could spell a character as an escape), collected without
        // building JSON: this runs for every handout in every layout.
        guard let scalars = try? NonASCIIScalars.of(item.summary) else { return out }
        for u in scalars { if let s = of(u) { out.insert(s) } }
        return out
    }

    /// The script fonts the characters of `text` need.
    static func needed(in text: String) -> Set<ScriptFont> {
        var out = Set<ScriptFont>()
        for u in text.unicodeScalars where u.value >= 0x80 {
            if let s = of(u) { out.insert(s) }
        }
        return out
    }

    /// The files of `fonts/` for the script, or an error naming the summary and the script.
    func files(in all: [URL], summary: String?) throws -> [URL] {
        let mine = all.filter { $0.lastPathComponent.hasPrefix(filePrefix) }
        guard mine.isEmpty else { return mine }
        let who = summary.map { "summary '\($0)'" } ?? "the text"
        throw ExportError.configuration("\(who) needs a font for the \(title) script, but fonts/ has no \(filePrefix)* file; "
                                        + remedy + " (a PDF without it would show empty boxes)")
    }
}
