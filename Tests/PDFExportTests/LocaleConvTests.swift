import CPDFOutput
import Foundation
import Testing

/// CPDFOutput replaces glibc's `localeconv` (cairo asks for it per number) and `setlocale` (to know when the
/// cached C-locale answer still holds): the replacement must be in effect and answer as glibc would.
/// Serialized: one test switches the process's locale, which the others' "cached" checks read.
@Suite(.serialized) struct LocaleConvTests {
    @Test func localeconvIsTheOneInEffect() {
        #expect(trialexport_localeconv_active() == 1)
    }

    /// In the C locale the cached answer is glibc's, field by field.
    @Test func cachedConventionsAreGlibcs() throws {
        #expect(trialexport_localeconv_cached() == 1)
        let ours = try #require(localeconv()).pointee
        let glibc = try #require(trialexport_glibc_localeconv()).assumingMemoryBound(to: lconv.self).pointee
        let strings: [(UnsafeMutablePointer<CChar>?, UnsafeMutablePointer<CChar>?)] = [
            (ours.decimal_point, glibc.decimal_point), (ours.thousands_sep, glibc.thousands_sep),
            (ours.grouping, glibc.grouping), (ours.int_curr_symbol, glibc.int_curr_symbol),
            (ours.currency_symbol, glibc.currency_symbol), (ours.mon_decimal_point, glibc.mon_decimal_point),
            (ours.mon_thousands_sep, glibc.mon_thousands_sep), (ours.mon_grouping, glibc.mon_grouping),
            (ours.positive_sign, glibc.positive_sign), (ours.negative_sign, glibc.negative_sign)]
        for (a, b) in strings { #expect(String(cString: a!) == String(cString: b!)) }
        let chars: [(CChar, CChar)] = [
            (ours.int_frac_digits, glibc.int_frac_digits), (ours.frac_digits, glibc.frac_digits),
            (ours.p_cs_precedes, glibc.p_cs_precedes), (ours.p_sep_by_space, glibc.p_sep_by_space),
            (ours.n_cs_precedes, glibc.n_cs_precedes), (ours.n_sep_by_space, glibc.n_sep_by_space),
            (ours.p_sign_posn, glibc.p_sign_posn), (ours.n_sign_posn, glibc.n_sign_posn),
            (ours.int_p_cs_precedes, glibc.int_p_cs_precedes), (ours.int_n_sign_posn, glibc.int_n_sign_posn)]
        for (a, b) in chars { #expect(a == b) }
        #expect(String(cString: ours.decimal_point) == ".")
    }

    /// After a setlocale to another locale, glibc's answer; back in C, the copy again. (C.UTF-8 writes numbers
    /// as C does, so tests running beside this one see no difference.)
    @Test func setlocaleElsewhereGoesToGlibc() throws {
        let before = String(cString: try #require(setlocale(LC_NUMERIC, nil)))
        #expect(before == "C")
        #expect(setlocale(LC_NUMERIC, "C.UTF-8") != nil)
        let cached = trialexport_localeconv_cached()
        let answer = localeconv()
        _ = setlocale(LC_NUMERIC, "C")
        #expect(cached == 0)
        #expect(answer.map { UnsafeRawPointer($0) } == trialexport_glibc_localeconv())
        #expect(trialexport_localeconv_cached() == 1)
    }

    /// A thread with a locale of its own gets glibc's answer, not the C-locale copy.
    @Test func anotherLocaleGoesToGlibc() throws {
        let mask = Int32((1 << LC_NUMERIC) | (1 << LC_MONETARY))
        let other = try #require(newlocale(mask, "C.UTF-8", nil))
        defer { freelocale(other) }
        let previous = uselocale(other)
        let cached = trialexport_localeconv_cached()
        let answer = localeconv()
        _ = uselocale(previous)
        #expect(cached == 0)
        #expect(answer.map { UnsafeRawPointer($0) } == trialexport_glibc_localeconv())
        #expect(trialexport_localeconv_cached() == 1)
    }
}
