import ArgumentParser
import ExportKit
import Foundation
import TrialModel

/// Which summaries the digest message covers and the day it carries (`trialexport digest --since … --category …
/// --date …`).
public struct DigestOptions: Sendable, Hashable {
    /// Only summaries reviewed on or after this day.
    public var since: Day?
    /// Only these categories (empty = all).
    public var categories: [Category]
    /// `Date` header instead of the newest review date.
    public var date: Day?

    public init(since: Day? = nil, categories: [Category] = [], date: Day? = nil) {
        self.since = since
        self.categories = categories
        self.date = date
    }
}

/// The digest command's own options.
public struct DigestCommandOptions: FormatCommandOptions {
    @Option(name: .long, help: "Only summaries reviewed on or after this date (YYYY-MM-DD).", transform: Self.day)
    var since: Day?

    @Option(name: .long, help: "Only this category (repeatable), e.g. \"Treating the cancer\".", transform: Self.category)
    var category: [TrialModel.Category] = []

    @Option(name: .long, help: "Date header of the message (YYYY-MM-DD; default: newest review date).", transform: Self.day)
    var date: Day?

    public init() {}

    public func apply(to options: inout ExportOptions, resourceRoot: () -> URL) throws {
        options[DigestOptions.self] = DigestOptions(since: since, categories: category, date: date)
    }

    static func day(_ s: String) throws -> Day {
        guard let d = Day(s) else { throw ValidationError("'\(s)' is not a date YYYY-MM-DD") }
        return d
    }

    static func category(_ s: String) throws -> TrialModel.Category {
        if let c = TrialModel.Category(rawValue: s) ?? TrialModel.Category.allCases.first(where: { $0.rawValue.lowercased() == s.lowercased() }) {
            return c
        }
        throw ValidationError("'\(s)' is not a category; categories: \(TrialModel.Category.allCases.map(\.rawValue).joined(separator: ", "))")
    }
}
