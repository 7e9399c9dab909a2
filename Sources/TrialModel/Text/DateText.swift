extension Day {
    /// English month names, for every format that writes a date for readers or mail headers.
    public static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                                    "September", "October", "November", "December"]

    /// "1 June 2026": unambiguous for readers on both sides of the Atlantic.
    public var longText: String { "\(day) \(Day.monthNames[month - 1]) \(year)" }

    /// "Jun", as RFC 5322 dates write the month.
    /// The reader-facing date in a summary's language ("1 de junio de 2026").
    public func text(in words: Messages) -> String { words.date(self) }

    public var shortMonth: String { String(Day.monthNames[month - 1].prefix(3)) }
}
