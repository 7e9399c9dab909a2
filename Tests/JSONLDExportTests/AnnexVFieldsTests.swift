import Foundation
import Testing
import TestSupport
import TrialModel
@testable import JSONLDExport

/// The EU CTR Annex V trial fields reach the JSON-LD trial description through the key facts.
@Suite struct AnnexVFieldsTests {
    @Test func trialDescriptionNamesWhoTookPart() throws {
        let item = try JSONLDFixtures.patina { s in
            s.trial.population = Population(ageGroups: [.init(label: "65 and over", people: 90)])
            s.trial.followUpTrials = "A follow-up trial is planned"
        }
        let files = try JSONLDFixtures.render(item)
        let json = String(decoding: try #require(files["jsonld/patina.jsonld"]), as: UTF8.self)
        #expect(json.contains("Who took part: 65 and over: 90."))
        #expect(json.contains("Follow-up trials: A follow-up trial is planned."))
    }
}
