/// A drug or treatment given in an arm.
public struct Intervention: Sendable, Codable, Equatable {
    public enum Role: String, Sendable, Codable, CaseIterable {
        /// The treatment the trial is testing.
        case investigational
        /// Standard care that every arm (or the control arm) receives.
        case standard
        case placebo
    }

    public var name: String
    public var role: Role
    /// e.g. "CDK4/6 inhibitor", "aromatase inhibitor".
    public var drugClass: String?
    /// How it is given, e.g. "orally, 21 days on / 7 days off".
    public var dosing: String?

    public init(name: String, role: Role, drugClass: String? = nil, dosing: String? = nil) {
        self.name = name
        self.role = role
        self.drugClass = drugClass
        self.dosing = dosing
    }
}
