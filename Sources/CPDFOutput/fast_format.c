/* A replacement for glibc's `__snprintf_chk` (what `snprintf` compiles to with _FORTIFY_SOURCE, as Debian builds
 * cairo) that writes the few formats cairo 1.16's PDF surface uses for its numbers without glibc's general
 * printf machinery. cairo's `_cairo_dtostr` prints each coordinate with `snprintf ("%.*f")` or `("%f")`, and
 * glibc formats a double through multi-precision arithmetic (`__printf_fp`): about 2,400 instructions a number,
 * ~7,300 numbers per handout page set. Here the same digits cost a few hundred. Bytes are glibc's exactly:
 * the double's exact binary value is scaled by 10^precision in 128-bit integers and rounded to nearest, ties
 * to even, as glibc rounds in the default rounding mode; anything this code does not handle (other flags,
 * widths or conversions, a radix character other than '.', magnitudes ≥ 2^63, NaN and infinities) goes to
 * glibc's own `__vsnprintf_chk`. Tests compare both over many values.
 *
 * Besides numbers, cairo prints every glyph of a CID font (`%0*x`) and every non-ASCII character of a latin
 * font (`\\%03o`) through snprintf: an Arabic or Chinese handout's text is all CID glyphs, so those two formats
 * are written here too (issue 19). */
#define _GNU_SOURCE
#include "pdf_output.h"

#include <dlfcn.h>
#include <langinfo.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern int __vsnprintf_chk(char *s, size_t maxlen, int flag, size_t slen, const char *format, va_list ap);
int __snprintf_chk(char *s, size_t maxlen, int flag, size_t slen, const char *format, ...);

static const uint64_t powers_of_ten[19] = {
    1ULL, 10ULL, 100ULL, 1000ULL, 10000ULL, 100000ULL, 1000000ULL, 10000000ULL, 100000000ULL, 1000000000ULL,
    10000000000ULL, 100000000000ULL, 1000000000000ULL, 10000000000000ULL, 100000000000000ULL,
    1000000000000000ULL, 10000000000000000ULL, 100000000000000000ULL, 1000000000000000000ULL,
};

/* Writes u's decimal digits backwards ending at `end`; returns where they start. */
static char *decimal(char *end, uint64_t u) {
    do { *--end = (char)('0' + u % 10); u /= 10; } while (u);
    return end;
}

static char *octal(char *end, uint64_t u) {
    do { *--end = (char)('0' + (u & 7)); u >>= 3; } while (u);
    return end;
}

static char *hexadecimal(char *end, uint64_t u, int upper) {
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    do { *--end = digits[u & 15]; u >>= 4; } while (u);
    return end;
}

/* `%.<precision>f` of d, written backwards ending at `end`; NULL when glibc must do it. */
static char *fixed(char *end, double d, int precision) {
    if (precision < 0 || precision > 18) return NULL;
    uint64_t bits;
    memcpy(&bits, &d, sizeof bits);
    int negative = (int)(bits >> 63), biased = (int)((bits >> 52) & 0x7ff);
    if (biased == 0x7ff) return NULL;                       /* NaN, infinity */
    uint64_t mantissa = bits & ((1ULL << 52) - 1);
    int exponent = -1074;                                   /* subnormal */
    if (biased != 0) { mantissa |= 1ULL << 52; exponent = biased - 1075; }
    /* d = mantissa · 2^exponent; scaled = round(|d| · 10^precision), ties to even. */
    uint64_t power = powers_of_ten[precision];
    unsigned __int128 scaled;
    if (mantissa == 0) {
        scaled = 0;
    } else if (exponent >= 0) {
        if (exponent > 10) return NULL;                     /* |d| ≥ 2^63 */
        scaled = (unsigned __int128)(mantissa << exponent) * power;
    } else {
        unsigned __int128 exact = (unsigned __int128)mantissa * power;   /* < 2^113 */
        int shift = -exponent;
        if (shift >= 120) {
            scaled = 0;                                     /* below half a unit of the last digit */
        } else {
            scaled = exact >> shift;
            unsigned __int128 rest = exact - (scaled << shift), half = (unsigned __int128)1 << (shift - 1);
            if (rest > half || (rest == half && (scaled & 1))) scaled++;
        }
    }
    uint64_t whole, fraction;
    if ((scaled >> 64) == 0) {
        whole = (uint64_t)scaled / power;
        fraction = (uint64_t)scaled % power;
    } else {
        whole = (uint64_t)(scaled / power);
        fraction = (uint64_t)(scaled % power);
    }
    char *p = end;
    if (precision > 0) {
        for (int i = 0; i < precision; i++) { *--p = (char)('0' + fraction % 10); fraction /= 10; }
        *--p = '.';
    }
    p = decimal(p, whole);
    if (negative) *--p = '-';                               /* glibc keeps the sign of -0 and of tiny negatives */
    return p;
}

/* Formats one conversion `format` (with its argument in `ap`) into the buffer ending at `end`; returns the start,
 * or NULL when the format is not one handled here. */
static char *convert(char *end, const char *format, va_list *ap) {
    const char *f = format;
    if (*f++ != '%') return NULL;
    int zero = 0, width = 0, precision = -1, isLong = 0;
    if (*f == '0') { zero = 1; f++; }
    if (*f == '*') {
        /* cairo prints every glyph of a CID font with `%0*x` (width 2 or 4): a negative width is glibc's. */
        width = va_arg(*ap, int);
        if (width < 0) return NULL;
        f++;
    } else {
        while (*f >= '0' && *f <= '9' && width < 100) width = width * 10 + (*f++ - '0');
    }
    if (*f == '.') {
        f++;
        if (*f == '*') { f++; precision = -2; }
        else { precision = 0; while (*f >= '0' && *f <= '9' && precision < 100) precision = precision * 10 + (*f++ - '0'); }
    }
    if (*f == 'l') { isLong = 1; f++; }
    char conversion = *f;
    if (conversion == 0 || f[1] != 0 || width > 40) return NULL;
    if (conversion == 'f') {
        if (isLong || zero || width != 0) return NULL;
        if (precision == -2) precision = va_arg(*ap, int);
        else if (precision == -1) precision = 6;
        double d = va_arg(*ap, double);
        const char *radix = nl_langinfo(RADIXCHAR);
        if (radix[0] != '.' || radix[1] != 0) return NULL;
        return fixed(end, d, precision);
    }
    if (precision != -1) return NULL;
    char *p;
    int negative = 0;
    if (conversion == 'd') {
        int64_t v = isLong ? va_arg(*ap, long) : va_arg(*ap, int);
        negative = v < 0;
        p = decimal(end, negative ? -(uint64_t)v : (uint64_t)v);
    } else if (conversion == 'u' || conversion == 'x' || conversion == 'X' || conversion == 'o') {
        /* `%03o`: a WinAnsi character outside ASCII (é, ü, …) in a latin font's string. */
        uint64_t u = isLong ? va_arg(*ap, unsigned long) : va_arg(*ap, unsigned int);
        p = conversion == 'u' ? decimal(end, u) : conversion == 'o' ? octal(end, u) : hexadecimal(end, u, conversion == 'X');
    } else {
        return NULL;
    }
    int length = (int)(end - p) + negative;
    if (zero) for (; length < width; length++) *--p = '0';
    if (negative) *--p = '-';
    for (; length < width; length++) *--p = ' ';
    return p;
}

int __snprintf_chk(char *s, size_t maxlen, int flag, size_t slen, const char *format, ...) {
    va_list ap;
    va_start(ap, format);
    char buffer[96], *end = buffer + sizeof buffer;
    /* glibc's checks (a buffer larger than the object) stay glibc's. */
    char *start = maxlen <= slen ? convert(end, format, &ap) : NULL;
    int result;
    if (start) {
        size_t length = (size_t)(end - start);
        if (maxlen > 0) {
            size_t n = length < maxlen - 1 ? length : maxlen - 1;
            memcpy(s, start, n);
            s[n] = 0;
        }
        result = (int)length;
    } else {
        va_end(ap);
        va_start(ap, format);
        result = __vsnprintf_chk(s, maxlen, flag, slen, format, ap);
    }
    va_end(ap);
    return result;
}

__attribute__((constructor)) static void leave_content_uncompressed(void) {
    setenv("CAIRO_DEBUG_PDF", "1", 0);
}

int trialexport_cairo_content_uncompressed(void) {
    return getenv("CAIRO_DEBUG_PDF") != NULL;
}

int trialexport_fast_format_active(void) {
    return dlsym(RTLD_DEFAULT, "__snprintf_chk") == (void *)__snprintf_chk;
}

int trialexport_format_double(char *s, size_t n, const char *format, double value) {
    return __snprintf_chk(s, n, 1, n, format, value);
}

int trialexport_format_precision_double(char *s, size_t n, const char *format, int precision, double value) {
    return __snprintf_chk(s, n, 1, n, format, precision, value);
}

int trialexport_format_int(char *s, size_t n, const char *format, int value) {
    return __snprintf_chk(s, n, 1, n, format, value);
}

int trialexport_format_width_int(char *s, size_t n, const char *format, int width, int value) {
    return __snprintf_chk(s, n, 1, n, format, width, value);
}

int trialexport_format_long(char *s, size_t n, const char *format, long value) {
    return __snprintf_chk(s, n, 1, n, format, value);
}
