/// A trial registry identifier whose format has been checked.
public struct RegistryID: Sendable, Codable, Equatable, Hashable, CustomStringConvertible {
    public enum Registry: String, Sendable, Codable, CaseIterable {
        case clinicalTrialsGov = "ClinicalTrials.gov"
        case isrctn = "ISRCTN"
        case euctr = "EU Clinical Trials Register"
        case ctis = "EU CTIS"
        case anzctr = "ANZCTR"
        case chictr = "ChiCTR"
        case jrct = "jRCT"
    }

    public let registry: Registry
    public let value: String

    /// Accepts `NCT` + 8 digits, `ISRCTN` + 8 digits, EudraCT `YYYY-NNNNNN-CC`, CTIS `YYYY-NNNNNN-NN-NN`,
    /// `ACTRN` + 14 digits, `ChiCTR` + digits (optionally with a dash) and `jRCT` + 10 digits.
    public init?(_ text: String) {
        let t = text.trimmed
        func digits(_ s: Substring, _ n: Int) -> Bool { s.count == n && s.allSatisfy { $0.isASCII && $0.isNumber } }
        func dashed(_ s: String, _ lengths: [Int]) -> Bool {
            let p = s.split(separator: "-", omittingEmptySubsequences: false)
            return p.count == lengths.count && zip(p, lengths).allSatisfy { digits($0, $1) }
        }
        if t.hasPrefix("NCT"), digits(t.dropFirst(3), 8) { registry = .clinicalTrialsGov }
        else if t.hasPrefix("ISRCTN"), digits(t.dropFirst(6), 8) { registry = .isrctn }
        else if dashed(t, [4, 6, 2]) { registry = .euctr }
        else if dashed(t, [4, 6, 2, 2]) { registry = .ctis }
        else if t.hasPrefix("ACTRN"), digits(t.dropFirst(5), 14) { registry = .anzctr }
        else if t.hasPrefix("ChiCTR"), t.dropFirst(6).replacingOccurrences(of: "-", with: "").count >= 8,
                t.dropFirst(6).allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "-" }) { registry = .chictr }
        else if t.hasPrefix("jRCT"), digits(t.dropFirst(4), 10) { registry = .jrct }
        else { return nil }
        value = t
    }

    public var description: String { value }

    /// The public registry page for this trial.
    public var url: String {
        switch registry {
        case .clinicalTrialsGov: "https://clinicaltrials.gov/study/\(value)"
        case .isrctn: "https://www.isrctn.com/\(value)"
        case .euctr: "https://www.clinicaltrialsregister.eu/ctr-search/search?query=\(value)"
        case .ctis: "https://euclinicaltrials.eu/search-for-clinical-trials/?lang=en&EUCT=\(value)"
        case .anzctr: "https://www.anzctr.org.au/TrialSearch.aspx#&&searchTxt=\(value)"
        case .chictr: "https://www.chictr.org.cn/searchprojEN.html?regno=\(value)"
        case .jrct: "https://jrct.niph.go.jp/en-latest-detail/\(value)"
        }
    }

    public init(from decoder: any Decoder) throws {
        let s = try decoder.singleValueContainer().decode(String.self)
        guard let id = RegistryID(s) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a registry id: \(s)"))
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(value)
    }
}
