import Foundation
import Testing
@testable import TrialModel
import TestSupport

/// The scalar collector `GlyphCoverage` trusts for its fast path: it must see every string `JSONEncoder` writes.
@Suite struct NonASCIIScalarsTests {
    struct Sample: Encodable {
        var title = "Plain"
        var notes: [String] = ["café", "naïve café"]
        var byName: [String: Int] = ["Zürich": 1]
        var nested: [[String]] = [["±", "é"]]
        var optional: String? = "—"
        var url = URL(string: "https://example.org/page")!
        var date = Date(timeIntervalSince1970: 0)
    }

    @Test func collectsEveryNonASCIIScalarOnceInFirstSeenOrder() throws {
        let scalars = try NonASCIIScalars.of(Sample()).map { String($0) }
        #expect(scalars == ["é", "ï", "ü", "±", "—"])
        #expect(try NonASCIIScalars.of(["only", "ascii"]).isEmpty)
    }

    @Test func seesWhatJSONHolds() throws {
        let json = String(decoding: try JSONEncoder().encode(Sample()), as: UTF8.self)
        let fromJSON = Set(json.unicodeScalars.filter { $0.value >= 0x80 }.map(\.value))
        #expect(fromJSON.isSubset(of: Set(try NonASCIIScalars.of(Sample()).map(\.value))))
        let patina = try TestSupport.patina().summary
        let patinaJSON = String(decoding: try JSONEncoder().encode(patina), as: UTF8.self)
        #expect(Set(patinaJSON.unicodeScalars.filter { $0.value >= 0x80 }.map(\.value))
                == Set(try NonASCIIScalars.of(patina).map(\.value)))
    }
}
