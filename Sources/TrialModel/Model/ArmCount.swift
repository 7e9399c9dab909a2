/// How many people in an arm had an event, out of how many: the counts behind a percentage
/// ("3 of 97 people"), kept so the percentage can be checked and shown with them.
public struct ArmCount: Sendable, Codable, Equatable {
    public var arm: String
    public var people: Int
    public var of: Int

    public init(arm: String, people: Int, of: Int) {
        self.arm = arm
        self.people = people
        self.of = of
    }

    /// The exact percentage the counts give.
    public var percentage: Double { Double(people) * 100 / Double(of) }
}
