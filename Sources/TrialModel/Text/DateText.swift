extension Day {
    /// English month names, for every format that writes a date for readers or mail headers.
    public static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                                    "September", "October", "November", "December"]

    /// "1 June 2026": unambiguous for readers on both sides of the Atlantic.
    public var longText: String { "\(day) \(Day.monthNames[month - 1]) \(year)" }

    /// "Jun", as RFC 5322 dates write the month.
    public var shortMonth: String { String(Day.monthNames[month - 1].prefix(3)) }
}
