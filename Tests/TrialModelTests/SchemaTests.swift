import Foundation
import Testing
import TestSupport
@testable import TrialModel

/// The JSON Schema editors use and the reader must accept the same keys, or one of them is lying.
@Suite struct SchemaTests {
    let defs: [String: Any]

    init() throws {
        let data = try Data(contentsOf: TestSupport.repoRoot.appendingPathComponent("schema/summary.schema.json"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        defs = try #require(root["$defs"] as? [String: Any])
    }

    private func keys(_ def: String) -> (all: Set<String>, required: Set<String>) {
        let d = defs[def] as? [String: Any] ?? [:]
        return (Set((d["properties"] as? [String: Any] ?? [:]).keys), Set(d["required"] as? [String] ?? []))
    }

    @Test(arguments: [
        ("summary", SummaryKeys.top), ("trial", SummaryKeys.trial), ("design", SummaryKeys.design),
        ("publication", SummaryKeys.publication), ("arm", SummaryKeys.arm), ("outcome", SummaryKeys.outcome),
        ("section", SummaryKeys.section), ("glossaryEntry", SummaryKeys.glossary),
        ("population", SummaryKeys.population), ("populationCount", SummaryKeys.populationCount),
        ("eligibility", SummaryKeys.eligibility),
    ] as [(String, SummaryKeys.Keys)])
    func schemaMatchesTheReader(_ def: String, _ expected: SummaryKeys.Keys) {
        let k = keys(def)
        #expect(k.all == Set(expected.all), "\(def)")
        #expect(k.required == Set(expected.required), "\(def)")
    }

    @Test func blockKindsMatch() throws {
        let block = try #require(defs["block"] as? [String: Any])
        let kinds = (block["oneOf"] as? [[String: Any]] ?? []).flatMap { ($0["required"] as? [String]) ?? [] }
        #expect(Set(kinds) == Set(SummaryKeys.blocks))
    }

    @Test func enumsMatch() throws {
        let summary = try #require(defs["summary"] as? [String: Any])
        let category = ((summary["properties"] as? [String: Any])?["category"] as? [String: Any])?["enum"] as? [String]
        #expect(category == Category.allCases.map(\.rawValue))
        let section = ((defs["section"] as? [String: Any])?["properties"] as? [String: Any])?["kind"] as? [String: Any]
        #expect(section?["enum"] as? [String] == Section.Kind.allCases.map(\.rawValue))
    }
}
