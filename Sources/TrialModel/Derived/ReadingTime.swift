/// Estimated reading time of the whole summary, as the site shows it ("~8 min read").
public struct ReadingTime: Sendable, Equatable {
    public var words: Int
    public var minutes: Int

    /// Plain-language health text is read slower than general prose; 180 words a minute matches the site.
    public static let wordsPerMinute = 180

    init(words: Int) {
        self.words = words
        self.minutes = max(1, Int((Double(words) / Double(ReadingTime.wordsPerMinute)).rounded()))
    }

    /// Words are runs of non-space bytes; counting UTF-8 bytes avoids grapheme breaking on every character.
    static func countWords(_ s: String) -> Int {
        var count = 0
        var inWord = false
        for b in s.utf8 {
            let space = b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D
            if !space && !inWord { count += 1 }
            inWord = !space
        }
        return count
    }

    /// ISO 8601 duration, e.g. `PT8M`.
    public var iso8601: String { "PT\(minutes)M" }
    public var text: String { text(in: .english) }
    public func text(in words: Messages) -> String { words.text(.readingTime, words.integer(minutes)) }
}

extension Summary {
    /// Every piece of reader-facing text, in reading order.
    public var allText: [String] {
        var out = [title, lead.plainText]
        for s in sections {
            out.append(s.heading)
            for b in s.blocks {
                switch b {
                case .paragraph(let r): out.append(r.plainText)
                case .list(let items): out += items.map(\.plainText)
                case .subheading(let t): out.append(t)
                case .questionAnswer(let qa): out.append(qa.question); out += qa.answer.map(\.plainText)
                case .quote(let q): out += q.paragraphs.map(\.plainText); out.append(q.attribution ?? "")
                case .outcome(let id):
                    if let o = outcome(id) {
                        out += [o.label, o.explanation?.plainText ?? "", o.finding?.plainText ?? "", o.maturity?.plainText ?? ""]
                    }
                case .registryLink: out += trial.registryIDs.map(\.value)
                }
            }
        }
        return out
    }
}
