import CPDFOutput
import Foundation
import Testing

/// `CPDFOutput` replaces glibc's `__snprintf_chk` for the process (cairo prints every PDF number with it):
/// it must be the one in effect, and write exactly what glibc's own `vsnprintf` writes.
@Suite struct FastFormatTests {
    /// glibc's formatting (vsnprintf is not replaced).
    static func glibc(_ format: String, _ args: [any CVarArg], size: Int = 96) -> (String, Int32) {
        var buffer = [CChar](repeating: 0x7F, count: size)
        let n = withVaList(args) { vsnprintf(&buffer, size, format, $0) }
        return (String(cString: buffer), n)
    }

    static func ours(_ size: Int = 96, _ call: (UnsafeMutablePointer<CChar>, Int) -> Int32) -> (String, Int32) {
        var buffer = [CChar](repeating: 0x7F, count: size)
        let n = call(&buffer, size)
        return (String(cString: buffer), n)
    }

    /// Doubles cairo prints (page coordinates, colours, font matrices) and the hard cases: exact ties at every
    /// precision, values just beside them, tiny, subnormal and huge magnitudes, negative zero.
    static var doubles: [Double] {
        var values: [Double] = [0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 1e-7, 5e-7, 4.9999999e-7, 0.1, 0.05,
                                0.0005, 0.00049999999, 1e-300, -1e-300, 5e-324, Double.leastNormalMagnitude,
                                841.889764, 56.691406, -1.449951, 0.0431373, 1.0 / 3, 2.0 / 3, 123456789.123456789,
                                9007199254740993, 4611686018427387904, 9223372036854775807, 1e19, 1e300,
                                Double.greatestFiniteMagnitude, .infinity, -.infinity, .nan]
        for k in 0...20 {
            // Exact binary ties at k decimal places: n + 0.5 · 10^-k where that is a dyadic rational.
            let tie = Double(sign: .plus, exponent: -k - 1, significand: 1)
            values += [tie, 3 * tie, -5 * tie, 1 + tie, 1 + tie.nextUp, 1 + tie.nextDown]
        }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state
        }
        for _ in 0..<20_000 {
            let bits = next()
            switch bits % 4 {
            case 0: values.append(Double(bitPattern: next()))                                 // any double
            case 1: values.append((Double(next() % 2_000_000) - 1_000_000) / 1024)            // Pango units
            case 2: values.append(Double(Int64(bitPattern: next()) >> 20) / 1e6)              // page positions
            default: values.append(Double(next() % 10_000_000) / 1000 - 5000 + 0.0005)        // near-ties at 3 places
            }
        }
        return values
    }

    @Test func theReplacementIsTheOneInEffect() {
        #expect(trialexport_fast_format_active() == 1)
    }

    @Test func doublesAsGlibcWritesThem() {
        var mismatches: [String] = []
        for d in FastFormatTests.doubles {
            for format in ["%f", "%.18f", "%.3f", "%.0f", "%g", "%.2e", "%10f"] {
                let want = FastFormatTests.glibc(format, [d])
                let got = FastFormatTests.ours { trialexport_format_double($0, $1, format, d) }
                if got != want { mismatches.append("\(format) \(d.bitPattern): \(got) vs \(want)") }
            }
            for precision: Int32 in [-1, 0, 1, 2, 3, 6, 7, 12, 17, 18, 19, 30] {
                let want = FastFormatTests.glibc("%.*f", [precision, d])
                let got = FastFormatTests.ours { trialexport_format_precision_double($0, $1, "%.*f", precision, d) }
                if got != want { mismatches.append("%.*f \(precision) \(d.bitPattern): \(got) vs \(want)") }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    @Test func integersAsGlibcWritesThem() {
        let ints: [Int32] = [0, 1, -1, 9, 10, 99, 255, 4095, 65535, 123_456, Int32.max, Int32.min, -42]
        let longs: [Int] = ints.map(Int.init) + [Int.max, Int.min, 1 << 40, 75_603]
        var mismatches: [String] = []
        for format in ["%d", "%u", "%x", "%X", "%04X", "%04x", "%02x", "%o", "%03o", "%5d", "%05d", "%-5d", "%+d", "%%d", "x%d"] {
            for v in ints {
                let want = FastFormatTests.glibc(format, [v])
                let got = FastFormatTests.ours { trialexport_format_int($0, $1, format, v) }
                if got != want { mismatches.append("\(format) \(v): \(got) vs \(want)") }
            }
        }
        // A width taken from the arguments, as cairo prints a CID font's glyphs (`%0*x`, width 2 or 4).
        for format in ["%0*x", "%0*X", "%*x", "%*d", "%0*d", "%0*o"] {
            for width: Int32 in [-5, -1, 0, 1, 2, 4, 8, 40, 41, 100] {
                for v in ints {
                    let want = FastFormatTests.glibc(format, [width, v])
                    let got = FastFormatTests.ours { trialexport_format_width_int($0, $1, format, width, v) }
                    if got != want { mismatches.append("\(format) \(width) \(v): \(got) vs \(want)") }
                }
            }
        }
        for format in ["%ld", "%lu", "%010ld", "%lx", "%20ld"] {
            for v in longs {
                let want = FastFormatTests.glibc(format, [v])
                let got = FastFormatTests.ours { trialexport_format_long($0, $1, format, v) }
                if got != want { mismatches.append("\(format) \(v): \(got) vs \(want)") }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    /// Too small a buffer: the same truncated text and the same length returned (what it would have written).
    @Test func truncatesAsGlibcDoes() {
        for size in [1, 2, 4, 8] {
            let want = FastFormatTests.glibc("%f", [841.889764], size: size)
            let got = FastFormatTests.ours(size) { trialexport_format_double($0, $1, "%f", 841.889764) }
            #expect(got == want)
            let wantInt = FastFormatTests.glibc("%010ld", [75_603], size: size)
            let gotInt = FastFormatTests.ours(size) { trialexport_format_long($0, $1, "%010ld", 75_603) }
            #expect(gotInt == wantInt)
        }
    }
}
