/// Who could and could not join the trial, as lists a reader can scan (EU CTR Annex V, element 4).
public struct Eligibility: Sendable, Codable, Equatable {
    public var inclusion: [String]
    public var exclusion: [String]

    public init(inclusion: [String] = [], exclusion: [String] = []) {
        self.inclusion = inclusion
        self.exclusion = exclusion
    }
}
