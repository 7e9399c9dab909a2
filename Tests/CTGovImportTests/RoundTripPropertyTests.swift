import Foundation
import Testing
import TrialModel
@testable import CTGovImport

/// import → YAML → load gives back the record's numbers: for the six real records, checked against the raw
/// JSON, and for seeded random records with any number of arms, decimals and counts.
@Suite struct RoundTripPropertyTests {
    @Test(arguments: Records.all)
    func everyImportedNumberIsTheRecordsNumber(_ nct: String) throws {
        let json = try Records.json(Records.path(nct))
        let s = try #require(try Records.roundTrip(Records.path(nct)).2.summary)
        let results = json["resultsSection"] as? [String: Any]
        let measures = results?[path: "outcomeMeasuresModule.outcomeMeasures"] as? [[String: Any]] ?? []
        let events = results?[path: "adverseEventsModule.eventGroups"] as? [[String: Any]] ?? []
        var compared = 0
        for o in s.outcomes where !o.values.isEmpty {
            if o.role == .safety {
                let serious = o.id.hasPrefix("serious")
                for g in events {
                    let arm = try #require(s.arms.first { Vocabulary.matchKey($0.label) == Vocabulary.matchKey(g["title"] as! String) })
                    let a = g[serious ? "seriousNumAffected" : "otherNumAffected"] as! Int
                    let n = g[serious ? "seriousNumAtRisk" : "otherNumAtRisk"] as! Int
                    let shown = try #require(o.value(for: arm.id))
                    #expect(abs(shown.value - Double(a) * 100 / Double(n)) <= 0.05 + 1e-9)
                    compared += 1
                }
                continue
            }
            let m = try #require(measures.first { TextRepair.line($0["title"] as! String).text == o.name })
            let groups = m["groups"] as! [[String: Any]]
            let measurements = ((m["classes"] as! [[String: Any]])[0]["categories"] as! [[String: Any]])[0]["measurements"] as! [[String: Any]]
            for x in measurements {
                let title = groups.first { $0["id"] as! String == x["groupId"] as! String }!["title"] as! String
                let arm = try #require(s.arms.first { Vocabulary.matchKey($0.label) == Vocabulary.matchKey(title) })
                #expect(o.value(for: arm.id)?.text == x["value"] as? String)
                compared += 1
            }
        }
        if let n = json[path: "protocolSection.designModule.enrollmentInfo.count"] as? Int { #expect(s.trial.enrollment == n) }
        if results != nil { #expect(compared > 10) }
    }

    @Test(arguments: 0..<40)
    func randomRecordsKeepTheirNumbers(_ seed: UInt64) throws {
        var rng = SplitMix(seed: seed)
        let arms = Int(rng.next() % 6) + 2
        let labels = (0..<arms).map { "Group \($0 + 1) dose \(rng.next() % 1000)" }
        var measures: [[String: Any]] = []
        var expected: [[String]] = []
        for k in 0..<(Int(rng.next() % 4) + 1) {
            let decimals = Int(rng.next() % 4)
            let values = (0..<arms).map { _ in
                let v = Double(rng.next() % 100_000) / 1000
                return String(format: "%.\(decimals)f", v * (decimals == 0 ? 1 : 1))
            }
            expected.append(values)
            measures.append([
                "type": k == 0 ? "PRIMARY" : "SECONDARY", "title": "Measure \(k) at week \(rng.next() % 52)",
                "paramType": "MEAN", "unitOfMeasure": "points",
                "groups": labels.enumerated().map { ["id": "OG\($0.offset)", "title": $0.element] },
                "classes": [["categories": [["measurements": values.enumerated().map { ["groupId": "OG\($0.offset)", "value": $0.element] }]]]],
            ])
        }
        let counts = (0..<arms).map { _ -> (Int, Int) in let n = Int(rng.next() % 500) + 1; return (Int(rng.next() % UInt64(n + 1)), n) }
        let record: [String: Any] = [
            "protocolSection": [
                "identificationModule": ["nctId": String(format: "NCT%08d", Int(seed) + 1)],
                "designModule": ["phases": ["PHASE3"], "enrollmentInfo": ["count": Int(rng.next() % 5000) + 1]],
                "armsInterventionsModule": ["armGroups": labels.map { ["label": $0, "type": "EXPERIMENTAL", "interventionNames": ["Drug: X"]] }],
            ],
            "resultsSection": [
                "outcomeMeasuresModule": ["outcomeMeasures": measures],
                "adverseEventsModule": ["eventGroups": counts.enumerated().map { i, c in
                    ["id": "EG\(i)", "title": labels[i], "seriousNumAffected": c.0, "seriousNumAtRisk": c.1, "otherNumAffected": 0, "otherNumAtRisk": c.1] }],
            ],
        ]
        let data = try JSONSerialization.data(withJSONObject: record)
        let result = CTGovImporter.summary(from: try RecordReader.decode(data, file: "random.json"))
        let read = SummaryReader.read(yaml: try SummaryWriter.yaml(result.summary), file: "random.yaml")
        let s = try #require(read.summary, "\(read.diagnostics)")
        #expect(s == result.summary)
        for (i, values) in expected.enumerated() { #expect(s.outcomes[i].values.map(\.value.text) == values) }
        let serious = try #require(s.outcome("serious-adverse-events"))
        for (v, c) in zip(serious.values, counts) { #expect(abs(v.value.value - Double(c.0) * 100 / Double(c.1)) <= 0.05 + 1e-9) }
        #expect(RegistryCrossCheckRoundTrip.disagreements(yaml: try SummaryWriter.yaml(s), record: data).isEmpty)
    }
}

/// Cross-checks a summary against one in-memory record by writing it to a temporary registry folder.
enum RegistryCrossCheckRoundTrip {
    static func disagreements(yaml: String, record: Data) -> [Diagnostic] {
        let r = SummaryReader.read(yaml: yaml, file: "x.yaml")
        guard let s = r.summary, let nct = s.trial.registryIDs.first?.value else { return r.diagnostics }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("registry-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try? record.write(to: folder.appendingPathComponent("\(nct).json"))
        let loaded = LoadedSummary(summary: s, sourcePath: "x.yaml", sourceBytes: Array(yaml.utf8))
        return RegistryCrossCheck.check([loaded], registry: folder.path).diagnostics
    }
}

struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
