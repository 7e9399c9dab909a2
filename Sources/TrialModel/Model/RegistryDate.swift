/// A date as registries give it: a month (`2006-11`) or a day (`2014-08-05`), kept at that precision.
public struct RegistryDate: Sendable, Codable, Equatable, Hashable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    /// nil when the registry gives only the month.
    public var day: Int?

    public init?(_ text: String) {
        if let d = Day(text) {
            year = d.year
            month = d.month
            day = d.day
            return
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let y = Int(parts[0]), let m = Int(parts[1]),
              Day(year: y, month: m, day: 1) != nil else { return nil }
        year = y
        month = m
        day = nil
    }

    /// `YYYY-MM` or `YYYY-MM-DD`.
    public var description: String {
        let ym = Day(year: year, month: month, day: 1)!.description.dropLast(3)
        return day.map { ym + "-" + ($0 < 10 ? "0" : "") + String($0) } ?? String(ym)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let d = RegistryDate(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date YYYY-MM or YYYY-MM-DD: \(text)"))
        }
        self = d
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
