import TrialModel

/// Mail-header dates; always from the model, never the clock. Reader-facing dates are `Day.longText`.
enum DayText {
    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    /// RFC 5322 §3.3 date-time at a fixed hour in UTC: "Mon, 1 Jun 2026 08:00:00 +0000".
    static func rfc5322(_ d: Day, hour: Int = 8) -> String {
        let h = hour < 10 ? "0\(hour)" : "\(hour)"
        return "\(weekdays[d.weekday]), \(d.day) \(d.shortMonth) \(d.year) \(h):00:00 +0000"
    }
}
