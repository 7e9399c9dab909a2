import Foundation

/// Laid-out paragraphs kept from one handout to the next by the font setup that laid them out, so a text set
/// again with the same style and width (a heading, a table label, a boilerplate paragraph, the same summary in
/// another run of the batch) is shaped and broken once. A `TextBlock` never changes once made, so the one
/// laid out before draws the same glyphs, and the PDF the same bytes.
///
/// Owned by its `FontSetup` (`FontSetup.memo`), which only its worker thread uses: the blocks' Pango layouts
/// belong to that setup's context and font map, so they must go before the setup destroys its Fontconfig
/// configuration (`FontSetup.deinit` empties the memo first; blocks outliving their setup freed Pango fonts
/// whose faces were already gone). Changing the context's language makes Pango lay its layouts out again on
/// their next use (freeing the lines a block draws), so the memo forgets everything when the language changes.
final class TextBlockMemo {
    /// Text is compared and hashed by its UTF-8 bytes: Swift hashes a non-ASCII `String` through NFC
    /// normalisation (about 40 M instructions per 10 Arabic summaries), and a memo can afford byte equality,
    /// which is stricter than canonical equivalence (two spellings of one text are laid out twice, never mixed up).
    struct Key: Hashable {
        var text: String
        var styles: [UInt64]
        var links: [String]
        var style: [UInt64]
        var family: String
        var width: Double
        var singleLine: Bool

        init(_ content: StyledText, style s: TextStyle, width: Double, singleLine: Bool) {
            text = content.text
            var codes: [UInt64] = []
            codes.reserveCapacity(content.styles.count * 3)
            for (range, style) in content.styles {
                codes.append(UInt64(range.lowerBound) << 32 | UInt64(range.upperBound))
                switch style {
                case .bold: codes.append(1)
                case .italic: codes.append(2)
                case .underline: codes.append(3)
                case .colour(let c): codes += [4, c.r.bitPattern, c.g.bitPattern, c.b.bitPattern]
                }
            }
            styles = codes
            links = content.links.flatMap { ["\($0.range.lowerBound) \($0.range.upperBound)", $0.url] }
            self.style = [s.font.size.bitPattern, s.font.bold ? 1 : 0, s.font.italic ? 1 : 0, s.colour.r.bitPattern,
                          s.colour.g.bitPattern, s.colour.b.bitPattern, s.pitch.bitPattern, s.spaceBefore.bitPattern]
            family = s.font.family
            self.width = width
            self.singleLine = singleLine
        }

        static func == (a: Key, b: Key) -> Bool {
            a.width == b.width && a.singleLine == b.singleLine && a.style == b.style && a.styles == b.styles
                && a.family == b.family && a.links == b.links && Key.sameBytes(a.text, b.text)
        }

        func hash(into hasher: inout Hasher) {
            Key.hashBytes(text, into: &hasher)
            hasher.combine(styles)
            hasher.combine(links)
            hasher.combine(style)
            hasher.combine(family)
            hasher.combine(width)
            hasher.combine(singleLine)
        }

        static func sameBytes(_ a: String, _ b: String) -> Bool {
            guard a.utf8.count == b.utf8.count else { return false }
            let same: Bool?? = a.utf8.withContiguousStorageIfAvailable { x in
                b.utf8.withContiguousStorageIfAvailable { y in
                    x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0
                }
            }
            return (same ?? nil) ?? a.utf8.elementsEqual(b.utf8)
        }

        static func hashBytes(_ s: String, into hasher: inout Hasher) {
            hasher.combine(s.utf8.count)
            if s.utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
                for byte in s.utf8 { hasher.combine(byte) }
            }
        }
    }

    /// Blocks kept at most; past it, those not used by the last few handouts go first.
    static let capacity = 2048
    private static let recentHandouts = 4

    private var language: String
    private var blocks: [Key: (block: TextBlock, lastUse: Int)] = [:]
    private var handout = 0

    init(language: String) { self.language = language }

    /// The block for this text, style and width, laid out now or taken from an earlier handout.
    func block(_ content: StyledText, style: TextStyle, width: Double, singleLine: Bool, fonts: FontSetup) -> TextBlock {
        if fonts.language != language {
            language = fonts.language
            blocks.removeAll()
        }
        let key = Key(content, style: style, width: width, singleLine: singleLine)
        // One lookup for a hit: the index, then the entry's last use set in place.
        if let i = blocks.index(forKey: key) {
            blocks.values[i].lastUse = handout
            return blocks.values[i].block
        }
        let made = TextBlock(content, style: style, width: width, fonts: fonts, singleLine: singleLine)
        blocks[key] = (made, handout)
        return made
    }

    /// Marks the start of a handout: blocks no recent handout used are dropped when the memo is full.
    func beginHandout() {
        handout += 1
        if blocks.count > TextBlockMemo.capacity {
            let keep = handout - TextBlockMemo.recentHandouts
            blocks = blocks.filter { $0.value.lastUse >= keep }
            if blocks.count > TextBlockMemo.capacity { blocks.removeAll() }
        }
    }

    /// Frees every block now (their layouts hold the setup's context and fonts).
    func removeAll() { blocks.removeAll() }

    /// Blocks held (for tests).
    var count: Int { blocks.count }
}

extension TextBlock {
    /// A block for this text, style and width from the font setup's memo (see `TextBlockMemo`).
    static func laidOut(_ content: StyledText, style: TextStyle, width: Double, fonts: FontSetup,
                        singleLine: Bool = false) -> TextBlock {
        fonts.memo.block(content, style: style, width: width, singleLine: singleLine, fonts: fonts)
    }
}
