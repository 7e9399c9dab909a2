import Foundation
import JSONLDExport
import TestSupport
import Testing
import TrialModel

@Suite struct PatinaGraphTests {
    let graph: [JSONValue]
    let page = "https://cleartrials.example.org/summaries/patina"

    init() throws {
        let data = try #require(try JSONLDFixtures.render(TestSupport.patina())["jsonld/patina.jsonld"])
        let doc = try JSONLDDocument.parse(data)
        #expect(doc["@context"] == "https://schema.org")
        graph = doc.graphNodes
    }

    func node(_ id: String) throws -> JSONValue {
        try #require(graph.first { $0["@id"]?.stringValue == id }, "no node \(id)")
    }

    @Test func nodeTypesInStableOrder() {
        #expect(graph.compactMap(\.type) == [
            "MedicalWebPage", "MedicalTrial", "MedicalCondition", "MedicalScholarlyArticle",
            "MedicalTherapy", "MedicalTherapy",
            "Drug", "Drug", "Drug", "Drug",
            "DrugClass", "DrugClass", "DrugClass",
            "WebSite", "Organization",
        ])
    }

    @Test func everyIDIsAbsoluteAndUnique() {
        let ids = graph.compactMap { $0["@id"]?.stringValue }
        #expect(ids.count == graph.count)
        #expect(Set(ids).count == ids.count)
        for id in ids { #expect(id.hasPrefix("https://cleartrials.example.org/summaries/"), "\(id)") }
    }

    @Test func webPage() throws {
        let p = try node(page + "#webpage")
        #expect(p["url"] == .string(page))
        #expect(p["headline"] == "PATINA: adding palbociclib to maintenance therapy for HER2-positive breast cancer")
        #expect(p["description"]?.stringValue?.hasPrefix("For hormone-receptor-positive, HER2-positive") == true)
        #expect(p["inLanguage"] == "en")
        #expect(p["lastReviewed"] == "2026-06-01")
        #expect(p["timeRequired"]?.stringValue?.hasPrefix("PT") == true)
        #expect(p["medicalAudience"] == ["@type": "MedicalAudience", "audienceType": "Patient"])
        #expect(p["specialty"] == ["@id": "https://schema.org/Oncologic"])
        #expect(p["mainEntity"]?.referencedIDs == [page + "#trial"])
        #expect(p["about"]?.referencedIDs == [page + "#trial", page + "#condition"])
        #expect(p["citation"]?.referencedIDs == [page + "#publication"])
        #expect(p["isPartOf"]?.referencedIDs == ["https://cleartrials.example.org/summaries/#website"])
        #expect(p["reviewedBy"]?.referencedIDs == ["https://cleartrials.example.org/summaries/#publisher"])
        #expect(p["keywords"]?.arrayValue?.contains("palbociclib") == true)
    }

    @Test func trial() throws {
        let t = try node(page + "#trial")
        #expect(t["name"] == "PATINA")
        #expect(t["identifier"] == [["@type": "PropertyValue", "propertyID": "ClinicalTrials.gov", "value": "NCT02947685",
                                     "url": "https://clinicaltrials.gov/study/NCT02947685"]])
        #expect(t["trialDesign"]?.referencedIDs == ["RandomizedTrial", "OpenTrial", "MultiCenterTrial", "InternationalTrial"]
            .map { "https://schema.org/" + $0 })
        #expect(t["status"]?.referencedIDs == ["https://schema.org/ActiveNotRecruiting"])
        #expect(t["healthCondition"]?.referencedIDs == [page + "#condition"])
        #expect(t["subjectOf"]?.referencedIDs == [page + "#publication"])
        #expect(t["studySubject"]?.referencedIDs == [page + "#arm-palbociclib", page + "#arm-standard", page + "#drug-palbociclib"])
        // No sponsor or countries on the PATINA page, so none in the markup; no invented `phase` property.
        #expect(t["sponsor"] == nil && t["studyLocation"] == nil && t["phase"] == nil)
        let text = try #require(t["description"]?.stringValue)
        for fact in ["Phase III", "Randomized 1:1", "open-label", "518 people", "Progression-free survival"] {
            #expect(text.contains(fact), "trial description lacks \(fact)")
        }
    }

    @Test func armsAndTheirDrugs() throws {
        let palbo = try node(page + "#arm-palbociclib")
        #expect(palbo["name"] == "Palbociclib + anti-HER2 therapy + endocrine therapy")
        #expect(palbo["drug"]?.referencedIDs == ["palbociclib", "trastuzumab", "pertuzumab", "aromatase-inhibitor-or-tamoxifen"]
            .map { page + "#drug-" + $0 })
        let standard = try node(page + "#arm-standard")
        #expect(standard["drug"]?.referencedIDs == ["trastuzumab", "pertuzumab", "aromatase-inhibitor-or-tamoxifen"]
            .map { page + "#drug-" + $0 })
        let drug = try node(page + "#drug-palbociclib")
        #expect(drug["nonProprietaryName"] == "palbociclib")
        #expect(drug["drugClass"]?.referencedIDs == [page + "#drug-class-cdk4-6-inhibitor"])
        let cls = try node(page + "#drug-class-cdk4-6-inhibitor")
        #expect(cls["name"] == "CDK4/6 inhibitor")
        let her2 = try node(page + "#drug-class-her2-targeted-antibody")
        #expect(her2["drug"]?.referencedIDs == [page + "#drug-trastuzumab", page + "#drug-pertuzumab"])
    }

    @Test func publication() throws {
        let p = try node(page + "#publication")
        #expect(p["isPartOf"] == ["@type": "Periodical", "name": "The New England Journal of Medicine", "alternateName": "NEJM"])
        #expect(p["datePublished"] == "2026")
        #expect(p["about"]?.referencedIDs == [page + "#trial"])
        #expect(p["publicationType"] == ["Clinical Trial, Phase III", "Randomized Controlled Trial", "Multicenter Study"])
        // Every number the seed states is somewhere in the markup (results go into description text).
        let all = String(decoding: try JSONLDDocument(graph: graph).serialized(), as: UTF8.self)
        for n in TestSupport.patinaNumbers { #expect(all.contains(n), "missing \(n)") }
    }
}
