/// Who took part, broken down as EU CTR Annex V asks: by region (the member state, the EU, third countries),
/// age group and sex. Each list is optional; labels are the editor's words ("EU", "65 and over", "Women").
public struct Population: Sendable, Codable, Equatable {
    public struct Count: Sendable, Codable, Equatable {
        public var label: String
        public var people: Int
        public init(label: String, people: Int) {
            self.label = label
            self.people = people
        }
    }

    public var regions: [Count]
    public var ageGroups: [Count]
    public var sexes: [Count]

    public init(regions: [Count] = [], ageGroups: [Count] = [], sexes: [Count] = []) {
        self.regions = regions
        self.ageGroups = ageGroups
        self.sexes = sexes
    }

    public var isEmpty: Bool { regions.isEmpty && ageGroups.isEmpty && sexes.isEmpty }
}
