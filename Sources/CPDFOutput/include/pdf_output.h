#ifndef TRIALEXPORT_PDF_OUTPUT_H
#define TRIALEXPORT_PDF_OUTPUT_H

#include <stddef.h>

/* How cairo 1.16 writes PDF in this process (docs/performance.md, "Issue 18, third round").
 *
 * Page content uncompressed: before main, CAIRO_DEBUG_PDF is set (unless already set), which makes cairo
 * write content streams, Form XObjects and ToUnicode maps without deflating them. The PDF/UA finisher rewrites
 * every page's content anyway (artifact marking), so it no longer inflates what cairo just deflated; it
 * deflates the rest itself, through libdeflate like the content (`PDFFile.deflateLeftoverStreams`, CFlate). Set in a constructor so
 * it happens while the process has one thread (setenv is not safe beside getenv in other threads).
 *
 * Numbers: this target replaces glibc's `__snprintf_chk` for the whole process (the executable's definition comes first
 * in the dynamic linker's search, so cairo and every other library calls it): the formats cairo 1.16's PDF writer
 * prints every number of every page with (`%f`, `%.*f`, `%.18f`, `%d`, `%ld`, `%010ld`, `%04X`, …) are
 * written here, byte for byte as glibc writes them, and everything else goes to glibc's `__vsnprintf_chk`.
 * See docs/performance.md, "Issue 18, third round". The functions below exist for the tests, which compare
 * the replacement with glibc's `vsnprintf` (never replaced).
 *
 * Also in this target (docs/performance.md, "Issue 18, fourth round"): `localeconv` and `setlocale`, which cairo
 * calls per number (locale_conv.h), and the buffer cairo writes into with its write callback (output_sink.h). */

/* Whether `__snprintf_chk` as the dynamic linker resolves it is this target's (1) or glibc's (0). */
int trialexport_fast_format_active(void);

/* Whether the constructor found or set CAIRO_DEBUG_PDF. */
int trialexport_cairo_content_uncompressed(void);

/* Calls the replacement with one argument of each kind, as cairo does. */
int trialexport_format_double(char *s, size_t n, const char *format, double value);
int trialexport_format_precision_double(char *s, size_t n, const char *format, int precision, double value);
int trialexport_format_int(char *s, size_t n, const char *format, int value);
int trialexport_format_width_int(char *s, size_t n, const char *format, int width, int value);
int trialexport_format_long(char *s, size_t n, const char *format, long value);

#endif
