import Foundation
import TrialModel

/// The schema.org 30.0 terms the exporter maps model facts to. Every name here was checked with
/// `check-jsonld --term`; enumeration members are written as `{"@id": "https://schema.org/X"}` so they become
/// IRIs in RDF rather than plain strings.
enum SchemaOrg {
    static let context = "https://schema.org"
    static func member(_ name: String) -> JSONValue { Node.ref("https://schema.org/" + name) }

    /// `MedicalTrialDesign` members the model's design facts justify. Schema.org has no phase member.
    static func designMembers(_ d: TrialDesign) -> [JSONValue] {
        var names: [String] = []
        if d.randomized { names.append("RandomizedTrial") }
        switch d.masking {
        case .openLabel: names.append("OpenTrial")
        case .singleBlind: names.append("SingleBlindedTrial")
        case .doubleBlind: names.append("DoubleBlindedTrial")
        case .tripleBlind: names.append("TripleBlindedTrial")
        }
        if d.placeboControlled { names.append("PlaceboControlledTrial") }
        // `multicenter: false` is the model's way of saying the trial ran at one centre.
        names.append(d.multicenter ? "MultiCenterTrial" : "SingleCenterTrial")
        if d.international { names.append("InternationalTrial") }
        return names.map(member)
    }

    /// The `MedicalStudyStatus` member for a ClinicalTrials.gov status (the two lists match one to one).
    static func status(_ s: TrialStatus) -> JSONValue {
        switch s {
        case .notYetRecruiting: member("NotYetRecruiting")
        case .recruiting: member("Recruiting")
        case .activeNotRecruiting: member("ActiveNotRecruiting")
        case .completed: member("Completed")
        case .terminated: member("Terminated")
        case .suspended: member("Suspended")
        case .withdrawn: member("Withdrawn")
        }
    }

    /// Every summary on the site explains a cancer trial (`cancerType` is required), so the `MedicalSpecialty`
    /// member is Oncologic whenever a cancer type is named.
    static func specialty(_ s: Summary) -> JSONValue? {
        s.cancerType.trimmingCharacters(in: .whitespaces).isEmpty ? nil : member("Oncologic")
    }

    /// MeSH publication types (the vocabulary `publicationType` asks for) that the trial's facts imply:
    /// the only controlled place left for the phase, since schema.org removed `MedicalTrial.phase` in v7.0.
    static func meshPublicationTypes(_ t: Trial) -> [JSONValue] {
        var types: [String]
        switch t.phase {
        case .phase0: types = ["Clinical Trial"]  // MeSH has no Phase 0 publication type
        case .phase1: types = ["Clinical Trial, Phase I"]
        case .phase1And2: types = ["Clinical Trial, Phase I", "Clinical Trial, Phase II"]
        case .phase2: types = ["Clinical Trial, Phase II"]
        case .phase2And3: types = ["Clinical Trial, Phase II", "Clinical Trial, Phase III"]
        case .phase3: types = ["Clinical Trial, Phase III"]
        case .phase4: types = ["Clinical Trial, Phase IV"]
        case .notApplicable: types = ["Clinical Trial"]
        }
        if t.design.randomized { types.append("Randomized Controlled Trial") }
        if t.design.multicenter { types.append("Multicenter Study") }
        return types.map { .string($0) }
    }
}

/// What to call an intervention's role in a `PropertyValue` (Drug ⊂ Product allows `additionalProperty`).
extension Intervention.Role {
    var jsonLDText: String {
        switch self {
        case .investigational: "investigational (the treatment being tested)"
        case .standard: "standard treatment"
        case .placebo: "placebo"
        }
    }
}
