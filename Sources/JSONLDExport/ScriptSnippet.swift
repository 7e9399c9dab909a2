import Foundation

/// The ready-to-paste `<script type="application/ld+json">` element for a page.
///
/// Script content is raw text: the HTML tokenizer ends it at the first `</script` and `<!--` can switch it into
/// the "escaped" states, and entities are not decoded inside it. So the JSON itself must not contain `<`, `>`
/// or `&`: they are written as JSON escapes (`\u003c`…), which parse back to the same strings. U+2028/U+2029 are
/// escaped too, for consumers that evaluate the block as JavaScript.
public enum ScriptSnippet {
    public static let mediaType = "application/ld+json"

    /// Replaces the characters that are unsafe in a script element by their `\uXXXX` escapes. Safe to do on
    /// serialized JSON text: outside strings JSON has only `{}[]:,"`, whitespace, digits and literals, so these
    /// characters can only occur inside strings, where `\uXXXX` means the same character.
    public static func escapeForScript(_ json: String) -> String {
        var out = String.UnicodeScalarView()
        out.reserveCapacity(json.unicodeScalars.count)
        for u in json.unicodeScalars {
            switch u {
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                let hex = String(u.value, radix: 16)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            default:
                out.append(u)
            }
        }
        return String(out)
    }

    /// The element with its fixed, canonical `type` attribute around the escaped JSON. The markup is a constant
    /// wrapper; everything variable is JSON text that `escapeForScript` has made inert.
    public static func html(json: Data) -> Data {
        let body = escapeForScript(String(decoding: json, as: UTF8.self))
        let trimmed = body.hasSuffix("\n") ? String(body.dropLast()) : body
        return Data("<script type=\"\(mediaType)\">\n\(trimmed)\n</script>\n".utf8)
    }
}
