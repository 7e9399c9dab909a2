/// How the trial was set up, as facts rather than prose.
public struct TrialDesign: Sendable, Codable, Equatable {
    public var randomized: Bool
    /// e.g. `1:1`, `2:1`; only meaningful for randomized trials.
    public var allocationRatio: String?
    public var masking: Masking
    public var placeboControlled: Bool
    public var multicenter: Bool
    public var international: Bool

    public init(randomized: Bool, allocationRatio: String? = nil, masking: Masking, placeboControlled: Bool = false,
                multicenter: Bool, international: Bool) {
        self.randomized = randomized
        self.allocationRatio = allocationRatio
        self.masking = masking
        self.placeboControlled = placeboControlled
        self.multicenter = multicenter
        self.international = international
    }
}

/// Who knew which treatment each person received.
public enum Masking: String, Sendable, Codable, CaseIterable {
    case openLabel = "open-label"
    case singleBlind = "single-blind"
    case doubleBlind = "double-blind"
    case tripleBlind = "triple-blind"

    public func title(in words: Messages) -> String {
        switch self {
        case .openLabel: words[.maskingOpenLabel]
        case .singleBlind: words[.maskingSingleBlind]
        case .doubleBlind: words[.maskingDoubleBlind]
        case .tripleBlind: words[.maskingTripleBlind]
        }
    }

    public var plain: String {
        switch self {
        case .openLabel: "open-label (everyone knew which treatment was given)"
        case .singleBlind: "single-blind (participants did not know which treatment they had)"
        case .doubleBlind: "double-blind (neither participants nor doctors knew which treatment was given)"
        case .tripleBlind: "triple-blind (participants, doctors and analysts did not know which treatment was given)"
        }
    }
}
