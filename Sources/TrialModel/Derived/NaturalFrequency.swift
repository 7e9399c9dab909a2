/// A percentage as a count of people: "79.7%" → "about 80 in 100", "0.4%" → "4 in 1,000".
///
/// The denominator is the smallest of 100, 1,000, 10,000 … that gives a whole count of at least 1 and, below
/// 100 %, a count short of everyone (99.6 % is "996 in 1,000", never "about 100 in 100"). "About" is said
/// only when the count was rounded. Computed from the published decimal text, so no binary rounding error
/// decides between "4" and "about 4".
public struct NaturalFrequency: Sendable, Equatable {
    public var count: Int
    public var denominator: Int
    public var isApproximate: Bool

    public static let denominators = [100, 1_000, 10_000, 100_000, 1_000_000]

    /// At a given denominator (an outcome uses one for all its arms: no calculation left to the reader).
    public init(percent p: DecimalNumber, denominator: Int) {
        let (mantissa, scale) = NaturalFrequency.exact(p)
        // count = p / 100 × denominator = mantissa × denominator / (100 × scale), rounded half up.
        let numerator = mantissa * denominator, divisor = 100 * scale
        count = (2 * numerator + divisor) / (2 * divisor)
        self.denominator = denominator
        isApproximate = numerator % divisor != 0
    }

    /// At the smallest denominator that reads well for this one value.
    public init(percent p: DecimalNumber) {
        self.init(percent: p, denominator: NaturalFrequency.denominator(for: p))
    }

    public static func denominator(for p: DecimalNumber) -> Int {
        for d in denominators {
            let f = NaturalFrequency(percent: p, denominator: d)
            let belowAll = p.value >= 100 || f.count < d
            if (f.count >= 1 || p.value <= 0) && belowAll { return d }
        }
        return denominators.last!
    }

    /// "about 80 in 100", "4 in 1,000".
    public var text: String { text(in: .english) }

    /// "about 80 in 100 people".
    public var peopleText: String { peopleText(in: .english) }

    /// "unas 80 de cada 100", "etwa 80 von 100", "每100中约有80".
    public func text(in words: Messages) -> String {
        words.text(isApproximate ? .frequencyAbout : .frequency, words.integer(count), words.integer(denominator))
    }

    /// "unas 80 de cada 100 personas". Denominators are 100 or more, so every language's plural form for them is
    /// fixed (CLDR "other"), and the catalogue writes it in the template.
    public func peopleText(in words: Messages) -> String {
        words.text(isApproximate ? .frequencyPeopleAbout : .frequencyPeople, words.integer(count), words.integer(denominator))
    }

    /// The decimal as an integer mantissa and its power of ten: 79.7 → (797, 10). Negative values count as 0.
    private static func exact(_ p: DecimalNumber) -> (Int, Int) {
        guard p.value > 0 else { return (0, 1) }
        var scale = 1
        for _ in 0..<min(p.decimals, 9) { scale *= 10 }
        let digits = p.text.filter { $0 != "." && $0 != "-" && $0 != "+" }
        let cut = p.decimals > 9 ? String(digits.dropLast(p.decimals - 9)) : digits
        return (Int(cut) ?? Int((p.value * Double(scale)).rounded()), scale)
    }
}

/// A 10 × 10 grid of people per arm, the affected ones filled: what icon arrays in every format draw.
public struct IconArray: Sendable, Equatable {
    public static let side = 10
    public static var total: Int { side * side }

    /// Filled marks out of 100: the percentage rounded to a whole person.
    public static func filled(percent p: DecimalNumber) -> Int {
        min(total, NaturalFrequency(percent: p, denominator: total).count)
    }

    /// Filled marks out of 10, for the one-row text form.
    public static func filledOfTen(percent p: DecimalNumber) -> Int {
        min(side, NaturalFrequency(percent: p, denominator: side).count)
    }
}
