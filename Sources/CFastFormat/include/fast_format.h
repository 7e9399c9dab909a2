#ifndef TRIALEXPORT_FAST_FORMAT_H
#define TRIALEXPORT_FAST_FORMAT_H

#include <stddef.h>

/* This target replaces glibc's `__snprintf_chk` for the whole process (the executable's definition comes first
 * in the dynamic linker's search, so cairo and every other library calls it): the formats cairo 1.16's PDF writer
 * prints every number of every page with (`%f`, `%.*f`, `%.18f`, `%d`, `%ld`, `%010ld`, `%04X`, …) are
 * written here, byte for byte as glibc writes them, and everything else goes to glibc's `__vsnprintf_chk`.
 * See docs/performance.md, "Issue 18, third round". The functions below exist for the tests, which compare
 * the replacement with glibc's `vsnprintf` (never replaced). */

/* Whether `__snprintf_chk` as the dynamic linker resolves it is this target's (1) or glibc's (0). */
int trialexport_fast_format_active(void);

/* Calls the replacement with one argument of each kind, as cairo does. */
int trialexport_format_double(char *s, size_t n, const char *format, double value);
int trialexport_format_precision_double(char *s, size_t n, const char *format, int precision, double value);
int trialexport_format_int(char *s, size_t n, const char *format, int value);
int trialexport_format_long(char *s, size_t n, const char *format, long value);

#endif
