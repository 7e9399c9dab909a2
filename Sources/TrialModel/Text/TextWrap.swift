/// Greedy word wrap at spaces, measured by a caller-supplied width (characters for SVG labels, display
/// columns for plain text). A word wider than a line gets a line of its own.
public enum TextWrap {
    public static func lines(_ text: String, width: Int, measure: (Substring) -> Int = { $0.count }) -> [String] {
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in text.split(separator: " ") {
            let w = measure(word)
            if line.isEmpty { line = String(word); lineWidth = w }
            else if lineWidth + 1 + w <= width { line += " " + word; lineWidth += 1 + w }
            else { lines.append(line); line = String(word); lineWidth = w }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
