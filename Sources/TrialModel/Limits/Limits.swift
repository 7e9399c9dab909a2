/// The documented limits of the source format (README, "Limits"). The reader refuses anything beyond them with a
/// located error, so every accepted summary can be exported in bounded time and memory and every value can be
/// drawn inside the page: no exporter needs its own guard.
public enum Limits {
    /// Largest summary or settings file read, in bytes.
    public static let fileBytes = 1_000_000
    /// Longest rich-text block (a paragraph, list item, answer, definition…), in characters.
    public static let blockCharacters = 20_000
    /// Longest single-line field (title, label, heading, name…), in characters.
    public static let lineCharacters = 1_000
    /// Longest id (summary, arm, outcome, section, glossary term): ids become file names and URL paths.
    public static let idCharacters = 64
    /// Longest link or page URL, in characters.
    public static let urlCharacters = 2_000
    /// Most digits in a number, leading zeros included: every accepted number is exact as a Double, fits an Int
    /// and fits its column.
    public static let numberDigits = 15
    /// Deepest nesting of emphasis, strong and links inside one another in rich text.
    public static let inlineNesting = 8
    /// Most arms of a trial: each is a bar in every chart and a row of the key facts.
    public static let arms = 8
    /// Most outcomes of a summary.
    public static let outcomes = 40
    /// Most sections of a summary.
    public static let sections = 40
    /// Most blocks in one section, and most items in one list (lists, tags, countries, glossary, registry ids…).
    public static let items = 200
    /// Most problems reported for one file; the rest are summed up in one line. Room for every draft warning of
    /// an imported registry record (up to about 300), which an editor must see one by one.
    public static let diagnosticsPerFile = 1_000
}
