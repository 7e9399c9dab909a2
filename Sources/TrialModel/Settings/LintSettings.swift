/// Targets for `trialexport lint`, from the `lint:` key of `trialexport.yaml`. Defaults follow common guidance
/// for patient material (reading grade 8, sentences of at most 25 words).
public struct LintSettings: Sendable, Equatable, Codable {
    /// Severity of a lint finding; `failOn` names the lowest one that makes `lint` exit 1.
    public enum Level: String, Sendable, Equatable, Codable, CaseIterable, Comparable {
        case note, warning, error
        var rank: Int { switch self { case .note: 0; case .warning: 1; case .error: 2 } }
        public static func < (a: Level, b: Level) -> Bool { a.rank < b.rank }
    }

    /// Highest acceptable Flesch–Kincaid grade (English) per section and for the whole summary.
    public var maxGrade: Double
    /// Sentences with more words than this are flagged.
    public var maxSentenceWords: Int
    /// Severity of a readability finding (grade over target, long sentence).
    public var readabilityLevel: Level
    /// Findings at or above this level make `lint` exit 1.
    public var failOn: Level
    /// All-capital words that are fine (acronyms the built-in list lacks).
    public var acronyms: [String]

    /// Lint targets change no output, and `Settings` is encoded into every output's input hash: encoding them as
    /// a constant keeps a changed target from rebuilding the library.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode("lint settings are not part of output hashes")
    }

    public init(from decoder: any Decoder) throws { self = .defaults }

    public init(maxGrade: Double, maxSentenceWords: Int, readabilityLevel: Level, failOn: Level, acronyms: [String]) {
        self.maxGrade = maxGrade
        self.maxSentenceWords = maxSentenceWords
        self.readabilityLevel = readabilityLevel
        self.failOn = failOn
        self.acronyms = acronyms
    }

    public static let defaults = LintSettings(maxGrade: 8, maxSentenceWords: 25, readabilityLevel: .warning,
                                              failOn: .error, acronyms: [])
}
