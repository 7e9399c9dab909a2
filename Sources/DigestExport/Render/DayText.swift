import TrialModel

/// Dates as readers and mail headers see them; always from the model, never the clock.
enum DayText {
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                         "October", "November", "December"]
    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    /// "1 June 2026".
    static func long(_ d: Day) -> String { "\(d.day) \(months[d.month - 1]) \(d.year)" }

    /// RFC 5322 §3.3 date-time at a fixed hour in UTC: "Mon, 1 Jun 2026 08:00:00 +0000".
    static func rfc5322(_ d: Day, hour: Int = 8) -> String {
        let h = hour < 10 ? "0\(hour)" : "\(hour)"
        return "\(weekdays[d.weekday]), \(d.day) \(months[d.month - 1].prefix(3)) \(d.year) \(h):00:00 +0000"
    }
}
