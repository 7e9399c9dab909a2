/// The clinical trial a summary explains.
public struct Trial: Sendable, Codable, Equatable {
    /// Short name or acronym, e.g. `PATINA`.
    public var name: String
    /// The trial's full scientific title, when the summary gives it.
    public var officialTitle: String?
    public var registryIDs: [RegistryID]
    public var condition: String
    public var phase: Phase
    public var design: TrialDesign
    /// Country names; may be empty when the summary only says where in general terms (`locations`).
    public var countries: [String]
    /// Plain description of where the trial ran, e.g. "Multiple countries".
    public var locations: String?
    public var enrollment: Int
    public var sponsor: String?
    public var publication: Publication?
    public var status: TrialStatus
    /// When the trial started and finished (or is expected to), as the registry gives them.
    public var startDate: RegistryDate?
    public var completionDate: RegistryDate?
    /// The sponsor's protocol code and the EU CT number (CTIS, or EudraCT for older trials): EU CTR Annex V.
    public var protocolNumber: String?
    public var euTrialNumber: String?
    /// How to reach the sponsor about the trial (an address, e-mail or web page).
    public var sponsorContact: String?
    public var population: Population?
    public var eligibility: Eligibility?
    /// Whether follow-up trials are planned, in the editor's words.
    public var followUpTrials: String?

    public init(name: String, officialTitle: String? = nil, registryIDs: [RegistryID], condition: String,
                phase: Phase, design: TrialDesign, countries: [String] = [], locations: String? = nil,
                enrollment: Int, sponsor: String? = nil, publication: Publication? = nil, status: TrialStatus,
                startDate: RegistryDate? = nil, completionDate: RegistryDate? = nil, protocolNumber: String? = nil,
                euTrialNumber: String? = nil, sponsorContact: String? = nil, population: Population? = nil,
                eligibility: Eligibility? = nil, followUpTrials: String? = nil) {
        self.name = name
        self.officialTitle = officialTitle
        self.registryIDs = registryIDs
        self.condition = condition
        self.phase = phase
        self.design = design
        self.countries = countries
        self.locations = locations
        self.enrollment = enrollment
        self.sponsor = sponsor
        self.publication = publication
        self.status = status
        self.startDate = startDate
        self.completionDate = completionDate
        self.protocolNumber = protocolNumber
        self.euTrialNumber = euTrialNumber
        self.sponsorContact = sponsorContact
        self.population = population
        self.eligibility = eligibility
        self.followUpTrials = followUpTrials
    }
}
