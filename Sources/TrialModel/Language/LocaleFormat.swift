import Foundation

/// Number and date forms from Foundation's CLDR data (swift-foundation-icu, part of the toolchain, so the
/// same build gives the same bytes). Measured on Swift 6.3 / Linux: `Date.FormatStyle(date: .long)` gives
/// "1 de junio de 2026", "1 juin 2026", "1. Juni 2026", "1 يونيو، 2026", "2026年6月1日"; integer grouping
/// follows CLDR ("1234" in es, U+202F in fr); `ar` uses Western digits by default (numbering system `latn`)
/// with left-to-right marks around the percent sign. The tool keeps Western digits for Arabic: they are what
/// the source's numbers and the translation check use, and what Arabic health publications in the Maghreb and
/// much of the Gulf print. English keeps the tool's long-standing forms ("1 June 2026", "1,234") so its
/// outputs do not change.
struct LocaleFormat: Sendable {
    let language: Language
    private let locale: Locale
    private let decimalSeparator: String
    private let percentPrefix: String
    private let percentSuffix: String

    init(_ language: Language) {
        self.language = language
        locale = Locale(identifier: language.localeIdentifier)
        // The separator and the percent pattern as Foundation writes them, read off once.
        let half = (0.5).formatted(FloatingPointFormatStyle<Double>(locale: locale).precision(.fractionLength(1)))
        decimalSeparator = String(half.dropFirst().dropLast())
        let hundred = (1.0).formatted(FloatingPointFormatStyle<Double>.Percent(locale: locale))
        let parts = hundred.components(separatedBy: "100")
        percentPrefix = parts.count == 2 ? parts[0] : ""
        percentSuffix = parts.count == 2 ? parts[1] : "%"
    }

    func integer(_ n: Int) -> String {
        language == .en ? NumberText.grouped(n) : n.formatted(IntegerFormatStyle<Int>(locale: locale))
    }

    /// Canonical decimal text ("-12345.60") in this language, digits and precision kept.
    func decimal(_ text: String) -> String {
        guard language != .en else { return text }
        var s = Substring(text)
        let negative = s.first == "-"
        if negative { s = s.dropFirst() }
        let dot = s.firstIndex(of: ".")
        let whole = Int(s[..<(dot ?? s.endIndex)]) ?? 0
        var out = (negative ? "-" : "") + integer(whole)
        if let dot { out += decimalSeparator + s[s.index(after: dot)...] }
        return out
    }

    func percent(_ text: String) -> String {
        language == .en ? text + "%" : percentPrefix + decimal(text) + percentSuffix
    }

    func date(_ d: Day) -> String {
        guard language != .en else { return d.longText }
        var calendar = Calendar(identifier: .gregorian)
        let utc = TimeZone(identifier: "UTC")!
        calendar.timeZone = utc
        let date = Date(timeIntervalSince1970: Double(d.daysSinceEpoch) * 86_400)
        return date.formatted(Date.FormatStyle(date: .long, time: .omitted, locale: locale, calendar: calendar, timeZone: utc))
    }
}
