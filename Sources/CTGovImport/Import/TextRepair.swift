import Foundation
import TrialModel

/// Cleans registry text the way it arrives from ClinicalTrials.gov and copy-and-paste pipelines: HTML entities,
/// Markdown backslash escapes (`\<`, `\>`, `\[`), Markdown emphasis, mojibake (with the detector `validate` uses)
/// and control characters. Every repair is reported, so an editor can see what changed.
public enum TextRepair {
    public enum Kind: String, Sendable, CaseIterable, Comparable {
        case htmlEntities = "HTML entities"
        case escapes = "backslash escapes"
        case markdown = "Markdown emphasis"
        case mojibake = "mojibake"
        case controlCharacters = "control characters"
        public static func < (a: Kind, b: Kind) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
    }

    /// The cleaned text and what was repaired. Line breaks stay (callers split paragraphs and lists on them).
    public static func clean(_ text: String) -> (text: String, repairs: Set<Kind>) {
        var s = text
        var repairs = Set<Kind>()
        if let t = decodeEntities(s) { s = t; repairs.insert(.htmlEntities) }
        if let t = Mojibake.repair(s) { s = t; repairs.insert(.mojibake) }
        if let t = unescape(s) { s = t; repairs.insert(.escapes) }
        if let t = stripEmphasis(s) { s = t; repairs.insert(.markdown) }
        if let t = removeControls(s) { s = t; repairs.insert(.controlCharacters) }
        return (s, repairs)
    }

    /// One line: line breaks and runs of spaces become single spaces.
    public static func line(_ text: String) -> (text: String, repairs: Set<Kind>) {
        let (s, r) = clean(text)
        return (s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " "), r)
    }

    static let named: [Substring: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}", "ge": "≥", "le": "≤",
        "plusmn": "±", "deg": "°", "micro": "µ", "ndash": "–", "mdash": "—", "rsquo": "’", "lsquo": "‘",
        "rdquo": "”", "ldquo": "“", "times": "×", "beta": "β", "alpha": "α",
    ]

    static func decodeEntities(_ s: String) -> String? {
        guard s.contains("&") else { return nil }
        var out = ""
        var rest = Substring(s)
        var changed = false
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.prefix(10).firstIndex(of: ";"), let decoded = entity(after[..<semi]) {
                out += decoded
                rest = after[after.index(after: semi)...]
                changed = true
            } else {
                out += "&"
                rest = after
            }
        }
        out += rest
        return changed ? out : nil
    }

    private static func entity(_ name: Substring) -> String? {
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
        }
        if name.hasPrefix("#") { return UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) } }
        return named[name]
    }

    /// ClinicalTrials.gov's Markdown escapes punctuation (`\<0.1`, `\[Eichenfeld 2004\]`).
    static func unescape(_ s: String) -> String? {
        guard s.contains("\\") else { return nil }
        let escapable: Set<Character> = ["<", ">", "[", "]", "(", ")", "*", "_", "#", "-", "+", ".", "!", "`", "{", "}", "|", "~", "\\", "="]
        var out = ""
        var changed = false
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            let next = s.index(after: i)
            if c == "\\", next < s.endIndex, escapable.contains(s[next]) {
                out.append(s[next]); i = s.index(after: next); changed = true
            } else {
                out.append(c); i = next
            }
        }
        return changed ? out : nil
    }

    /// `**strong**` and `__strong__` markers from the registry's Markdown; single `*` may be a bullet or a
    /// multiplication sign, so it stays.
    static func stripEmphasis(_ s: String) -> String? {
        var out = s
        for marker in ["**", "__"] where out.components(separatedBy: marker).count >= 3 {
            out = out.replacingOccurrences(of: marker, with: "")
        }
        return out == s ? nil : out
    }

    static func removeControls(_ s: String) -> String? {
        guard s.unicodeScalars.contains(where: isControl) else { return nil }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars { out.append(isControl(u) ? " " : u) }
        return String(out)
    }

    private static func isControl(_ u: Unicode.Scalar) -> Bool {
        (u.value < 0x20 && u != "\n") || (0x7F...0x9F).contains(u.value) || u == "\u{2028}" || u == "\u{2029}"
    }
}
