/// Numbers as every format writes them: no exponent form, no trailing zeros, thousands grouped.
public enum NumberText {
    /// `x` rounded to `decimals` places with trailing zeros dropped: 50 → "50", 1.25 → "1.25", 2.5 → "2.5".
    public static func plain(_ x: Double, decimals: Int = 3) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int((abs(x) * scale).rounded())
        let whole = scaled / Int(scale)
        var fraction = String(scaled % Int(scale))
        while fraction.count < decimals { fraction = "0" + fraction }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return (x < 0 && scaled != 0 ? "-" : "") + String(whole) + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// 1234 → "1,234".
    public static func grouped(_ n: Int) -> String {
        let s = String(abs(n))
        var out = n < 0 ? "-" : ""
        for (i, ch) in s.enumerated() {
            if i > 0, (s.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return out
    }
}
