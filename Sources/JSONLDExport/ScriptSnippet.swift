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
    ///
    /// Works on UTF-8 bytes (a per-scalar String rebuild cost more than encoding the JSON): `<`, `>` and `&` are
    /// single bytes, U+2028/U+2029 are `E2 80 A8`/`E2 80 A9`, and `E2` is a lead byte, so no match can start
    /// inside another character. The bytes between escapes are copied in runs, through a pointer.
    public static func escapeForScript(_ json: Data) -> Data {
        json.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            let n = bytes.count
            var out = Data()
            out.reserveCapacity(n + 64)
            var i = 0, runStart = 0
            while i < n {
                let b = bytes[i]
                let hex: StaticString
                var length = 1
                switch b {
                case UInt8(ascii: "<"): hex = "003c"
                case UInt8(ascii: ">"): hex = "003e"
                case UInt8(ascii: "&"): hex = "0026"
                case 0xE2 where i + 2 < n && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                    hex = bytes[i + 2] == 0xA8 ? "2028" : "2029"
                    length = 3
                default:
                    i += 1
                    continue
                }
                out.append(UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u")])
                out.append(hex.utf8Start, count: hex.utf8CodeUnitCount)
                i += length
                runStart = i
            }
            out.append(UnsafeBufferPointer(rebasing: bytes[runStart..<n]))
            return out
        }
    }

    public static func escapeForScript(_ json: String) -> String {
        String(decoding: escapeForScript(Data(json.utf8)), as: UTF8.self)
    }

    /// The element with its fixed, canonical `type` attribute around the escaped JSON. The markup is a constant
    /// wrapper; everything variable is JSON text that `escapeForScript` has made inert.
    public static func html(json: Data) -> Data {
        var body = escapeForScript(json)
        if body.last == 0x0A { body.removeLast() }
        return Data("<script type=\"\(mediaType)\">\n".utf8) + body + Data("\n</script>\n".utf8)
    }
}
