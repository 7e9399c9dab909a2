import Testing
@testable import DigestExport
import TrialModel

/// The body encoders were rewritten for speed (issue 18, seventh round: no array per character in
/// quoted-printable, stuffing decided once a line in format=flowed). These are the versions before, kept as
/// references: on random lines made to hit every rule, the encoders give what they gave.
@Suite struct EncoderReferenceTests {
    static let words = ["From", "From ", ">", ".", "=", "a=b", "word", "x", "", " ", "  ", "\t", "-- ", "é", "中文", "—",
                        "https://example.org/a/very/long/path/that/does/not/fit/on/one/line/of/seventy-two/columns",
                        String(repeating: "ab", count: 40), "٤٤٫٣", "end.", "From:", "\u{7F}"]

    static func lines(_ count: Int, seed: UInt64) -> [String] {
        var state = seed
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        return (0..<count).map { _ in
            (0..<next(30)).map { _ in words[next(words.count)] }.joined(separator: next(4) == 0 ? "  " : " ")
        }
    }

    @Test func quotedPrintableAsBefore() {
        for line in Self.lines(3000, seed: 5) {
            let bytes = Array(line.utf8)
            #expect(QuotedPrintable.encode(line: bytes) == Self.quotedPrintableBefore(bytes), "\(line.debugDescription)")
        }
        // Stray continuation bytes (invalid UTF-8) as the MIME fuzzer found them.
        let stray: [UInt8] = [0x41] + Array(repeating: 0x80, count: 300) + [0x20, 0x2E]
        #expect(QuotedPrintable.encode(line: stray) == Self.quotedPrintableBefore(stray))
    }

    @Test func formatFlowedAsBefore() {
        let canonical = Self.lines(3000, seed: 9)
        for width in [20, 72] {
            for line in canonical {
                #expect(FormatFlowed.wrap(Substring(line), width: width) == Self.wrapBefore(Substring(line), width: width),
                        "\(line.debugDescription)")
            }
        }
    }

    static func quotedPrintableBefore(_ line: [UInt8]) -> [String] {
        let lineLimit = QuotedPrintable.lineLimit
        var out: [String] = []
        var current: [UInt8] = []
        var i = 0
        while i < line.count {
            var end = i + 1
            while end < line.count && end - i < 4 && line[end] & 0xC0 == 0x80 { end += 1 }
            let isLast = end == line.count
            var piece: [UInt8] = []
            for j in i..<end {
                let b = line[j]
                let literal = (b >= 0x21 && b <= 0x7E && b != UInt8(ascii: "=")) || ((b == 0x20 || b == 0x09) && !isLast)
                if literal { piece.append(b) } else { piece += [UInt8(ascii: "="), Hex.digits[Int(b >> 4)], Hex.digits[Int(b & 0xF)]] }
            }
            if current.count + piece.count > (isLast ? lineLimit : lineLimit - 1) {
                current.append(UInt8(ascii: "="))
                out.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
            let risky = line[i] == UInt8(ascii: ".") || line[i...].starts(with: Array("From ".utf8))
            if current.isEmpty && piece.count == 1 && risky {
                piece = [UInt8(ascii: "="), Hex.digits[Int(line[i] >> 4)], Hex.digits[Int(line[i] & 0xF)]]
            }
            current += piece
            i = end
        }
        out.append(String(decoding: current, as: UTF8.self))
        return out
    }

    static func wrapBefore(_ line: Substring, width: Int) -> [String] {
        let pieces = FormatFlowed.pieces(line)
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        for piece in pieces {
            let pieceWidth = TextWidth.of(piece)
            let stuffing = FormatFlowed.needsStuffing(current.isEmpty ? String(piece) : current) ? 1 : 0
            if current.isEmpty || currentWidth + pieceWidth + stuffing <= width || current == FormatFlowed.signatureSeparator {
                current += piece
                currentWidth += pieceWidth
            } else {
                lines.append(current)
                current = String(piece)
                currentWidth = pieceWidth
            }
        }
        lines.append(current)
        return lines
    }
}
