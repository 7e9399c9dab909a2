/// A ClinicalTrials.gov API v2 study record (`GET /api/v2/studies/{nctId}`), the parts trialexport reads.
/// Every field is optional: the registry omits what a study did not post. Values inside `resultsSection` are
/// strings (`"83.7"`, `"NA"`), counts in the adverse-events groups are numbers.
public struct CTGovStudy: Decodable, Sendable {
    public var protocolSection: ProtocolSection
    public var resultsSection: ResultsSection?
    public var hasResults: Bool?

    public struct ProtocolSection: Decodable, Sendable {
        public var identificationModule: Identification
        public var statusModule: Status?
        public var sponsorCollaboratorsModule: Sponsors?
        public var descriptionModule: Description?
        public var conditionsModule: Conditions?
        public var designModule: Design?
        public var armsInterventionsModule: ArmsInterventions?
        public var outcomesModule: Outcomes?
        public var eligibilityModule: Eligibility?
        public var contactsLocationsModule: ContactsLocations?
    }

    public struct Identification: Decodable, Sendable {
        public var nctId: String
        public var briefTitle: String?
        public var officialTitle: String?
        public var acronym: String?
    }

    public struct DateStruct: Decodable, Sendable {
        public var date: String?
        public var type: String?
    }

    public struct Status: Decodable, Sendable {
        public var overallStatus: String?
        public var statusVerifiedDate: String?
        public var startDateStruct: DateStruct?
        public var primaryCompletionDateStruct: DateStruct?
        public var completionDateStruct: DateStruct?
        public var lastUpdatePostDateStruct: DateStruct?
    }

    public struct Sponsors: Decodable, Sendable {
        public struct Sponsor: Decodable, Sendable { public var name: String? }
        public var leadSponsor: Sponsor?
    }

    public struct Description: Decodable, Sendable {
        public var briefSummary: String?
        public var detailedDescription: String?
    }

    public struct Conditions: Decodable, Sendable {
        public var conditions: [String]?
        public var keywords: [String]?
    }

    public struct Design: Decodable, Sendable {
        public struct Info: Decodable, Sendable {
            public struct Masking: Decodable, Sendable {
                public var masking: String?
                public var whoMasked: [String]?
            }
            public var allocation: String?
            public var interventionModel: String?
            public var primaryPurpose: String?
            public var maskingInfo: Masking?
        }
        public struct Enrollment: Decodable, Sendable {
            public var count: Int?
            public var type: String?
        }
        public var studyType: String?
        public var phases: [String]?
        public var designInfo: Info?
        public var enrollmentInfo: Enrollment?
    }

    public struct ArmsInterventions: Decodable, Sendable {
        public struct ArmGroup: Decodable, Sendable {
            public var label: String
            public var type: String?
            public var description: String?
            public var interventionNames: [String]?
        }
        public struct Intervention: Decodable, Sendable {
            public var type: String?
            public var name: String
            public var description: String?
            public var armGroupLabels: [String]?
        }
        public var armGroups: [ArmGroup]?
        public var interventions: [Intervention]?
    }

    public struct Outcomes: Decodable, Sendable {
        public struct Measure: Decodable, Sendable {
            public var measure: String
            public var description: String?
            public var timeFrame: String?
        }
        public var primaryOutcomes: [Measure]?
        public var secondaryOutcomes: [Measure]?
    }

    public struct Eligibility: Decodable, Sendable {
        public var eligibilityCriteria: String?
        public var sex: String?
        public var minimumAge: String?
        public var maximumAge: String?
    }

    public struct ContactsLocations: Decodable, Sendable {
        public struct Location: Decodable, Sendable {
            public var facility: String?
            public var city: String?
            public var country: String?
        }
        public var locations: [Location]?
    }

    public struct ResultsSection: Decodable, Sendable {
        public var outcomeMeasuresModule: OutcomeMeasures?
        public var adverseEventsModule: AdverseEvents?
    }

    public struct Group: Decodable, Sendable {
        public var id: String
        public var title: String
        public var description: String?
    }

    public struct OutcomeMeasures: Decodable, Sendable {
        public var outcomeMeasures: [OutcomeMeasure]?
    }

    public struct OutcomeMeasure: Decodable, Sendable {
        public struct Denom: Decodable, Sendable {
            public struct Count: Decodable, Sendable {
                public var groupId: String
                public var value: String
            }
            public var units: String?
            public var counts: [Count]?
        }
        public struct Class: Decodable, Sendable {
            public var title: String?
            public var categories: [Category]?
        }
        public struct Category: Decodable, Sendable {
            public var title: String?
            public var measurements: [Measurement]?
        }
        public struct Measurement: Decodable, Sendable {
            public var groupId: String
            public var value: String?
            public var spread: String?
            public var lowerLimit: String?
            public var upperLimit: String?
            public var comment: String?
        }
        public struct Analysis: Decodable, Sendable {
            public var groupIds: [String]?
            public var paramType: String?
            public var paramValue: String?
            public var ciPctValue: String?
            public var ciNumSides: String?
            public var ciLowerLimit: String?
            public var ciUpperLimit: String?
            public var pValue: String?
        }
        public var type: String?
        public var title: String
        public var description: String?
        public var paramType: String?
        public var unitOfMeasure: String?
        public var timeFrame: String?
        public var groups: [Group]?
        public var denoms: [Denom]?
        public var classes: [Class]?
        public var analyses: [Analysis]?
    }

    public struct AdverseEvents: Decodable, Sendable {
        public struct EventGroup: Decodable, Sendable {
            public var id: String
            public var title: String
            public var seriousNumAffected: Int?
            public var seriousNumAtRisk: Int?
            public var otherNumAffected: Int?
            public var otherNumAtRisk: Int?
        }
        public var eventGroups: [EventGroup]?
    }
}
