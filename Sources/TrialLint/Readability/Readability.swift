/// Readability scores of a stretch of text, with the formula made for its language.
public struct Readability: Sendable, Equatable, Codable {
    public var stats: TextStats
    public var wordsPerSentence: Double
    public var syllablesPerWord: Double
    /// Share of words with seven or more letters, in per cent.
    public var longWordPercent: Double
    /// English.
    public var fleschReadingEase: Double?
    public var fleschKincaidGrade: Double?
    /// Needs three sentences or more; SMOG was made for 30.
    public var smog: Double?
    /// Spanish, French and German reading ease (0–100 scales like Flesch's).
    public var fernandezHuerta: Double?
    public var kandelMoles: Double?
    public var amstad: Double?
    /// What was measured, e.g. "no formula for 'it': words per sentence and long words only".
    public var note: String?

    public init(stats s: TextStats, language: String) {
        stats = s
        let asl = s.sentences == 0 ? 0 : Double(s.words) / Double(s.sentences)
        let asw = s.words == 0 ? 0 : Double(s.syllables) / Double(s.words)
        wordsPerSentence = asl
        syllablesPerWord = asw
        longWordPercent = s.words == 0 ? 0 : 100 * Double(s.longWords) / Double(s.words)
        guard s.words > 0 else { note = "no words"; return }
        switch Readability.root(language) {
        case "en":
            fleschReadingEase = 206.835 - 1.015 * asl - 84.6 * asw
            fleschKincaidGrade = 0.39 * asl + 11.8 * asw - 15.59
            if s.sentences >= 3 { smog = 1.043 * (Double(s.polysyllables) * 30 / Double(s.sentences)).squareRoot() + 3.1291 }
        case "es": fernandezHuerta = 206.84 - 1.02 * asl - 60 * asw; note = Readability.vowelNote
        case "fr": kandelMoles = 207 - 1.015 * asl - 73.6 * asw; note = Readability.vowelNote
        case "de": amstad = 180 - asl - 58.5 * asw; note = Readability.vowelNote
        default: note = "no readability formula for '\(language)': words per sentence and long words only"
        }
    }

    static let vowelNote = "syllables counted as vowel groups (an approximation)"

    static func root(_ language: String) -> String { String(language.prefix { $0 != "-" }).lowercased() }

    /// The score compared with `lint.maxGrade`; only English has a grade.
    public var grade: Double? { fleschKincaidGrade }

    enum CodingKeys: String, CodingKey {
        case stats, wordsPerSentence, syllablesPerWord, longWordPercent, fleschReadingEase, fleschKincaidGrade, smog,
             fernandezHuerta, kandelMoles, amstad, note
    }

    /// The fields into a container the report opened (`LintReport.encode(to:)`), as the synthesized encoding
    /// writes them: optionals only when present.
    func encode(into c: inout KeyedEncodingContainer<CodingKeys>) throws {
        var s = c.nestedContainer(keyedBy: TextStats.CodingKeys.self, forKey: .stats)
        try s.encode(stats.words, forKey: .words)
        try s.encode(stats.sentences, forKey: .sentences)
        try s.encode(stats.syllables, forKey: .syllables)
        try s.encode(stats.polysyllables, forKey: .polysyllables)
        try s.encode(stats.longWords, forKey: .longWords)
        try c.encode(wordsPerSentence, forKey: .wordsPerSentence)
        try c.encode(syllablesPerWord, forKey: .syllablesPerWord)
        try c.encode(longWordPercent, forKey: .longWordPercent)
        try c.encodeIfPresent(fleschReadingEase, forKey: .fleschReadingEase)
        try c.encodeIfPresent(fleschKincaidGrade, forKey: .fleschKincaidGrade)
        try c.encodeIfPresent(smog, forKey: .smog)
        try c.encodeIfPresent(fernandezHuerta, forKey: .fernandezHuerta)
        try c.encodeIfPresent(kandelMoles, forKey: .kandelMoles)
        try c.encodeIfPresent(amstad, forKey: .amstad)
        try c.encodeIfPresent(note, forKey: .note)
    }
}
