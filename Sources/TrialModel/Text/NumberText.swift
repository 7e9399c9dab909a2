/// Numbers as every format writes them: no exponent form, no trailing zeros, thousands grouped.
public enum NumberText {
    /// `x` rounded to `decimals` places with trailing zeros dropped: 50 → "50", 1.25 → "1.25", 2.5 → "2.5".
    public static func plain(_ x: Double, decimals: Int = 3) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int((abs(x) * scale).rounded())
        let whole = scaled / Int(scale)
        // Trailing zeros dropped in integer arithmetic: every SVG coordinate comes through here, and building
        // and trimming a padded string per number cost more than the rest of writing the coordinate.
        var fraction = scaled % Int(scale), digits = decimals
        while digits > 0 && fraction % 10 == 0 { fraction /= 10; digits -= 1 }
        var out = x < 0 && scaled != 0 ? "-" : ""
        out += String(whole)
        guard digits > 0 else { return out }
        out.append(".")
        let fractionText = String(fraction)
        for _ in fractionText.utf8.count..<digits { out.append("0") }
        return out + fractionText
    }

    /// 1234 → "1,234".
    public static func grouped(_ n: Int) -> String {
        if n > -1000 && n < 1000 { return String(n) }
        // On the digits' bytes: counting a String's characters for every digit made this quadratic.
        let digits = Array(String(n.magnitude).utf8)
        var out: [UInt8] = n < 0 ? [UInt8(ascii: "-")] : []
        for (i, d) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(UInt8(ascii: ",")) }
            out.append(d)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
