#ifndef TRIALEXPORT_LOCALE_CONV_H
#define TRIALEXPORT_LOCALE_CONV_H

/* This target replaces glibc's `localeconv` for the whole process (cairo 1.16 asks for it once per number it
 * prints): in the C locale it returns a copy of glibc's answer made before main, otherwise glibc's own answer.
 * `setlocale` is replaced too, only to note whether the global locale is still C (it forwards to glibc's).
 * See locale_conv.c and docs/performance.md, "Issue 18, fourth round". The functions below exist for the tests. */

/* Whether `localeconv` and `setlocale` as the dynamic linker resolves them are this target's (1) or not (0). */
int trialexport_localeconv_active(void);

/* Whether `localeconv()` now returns the cached C-locale struct (1) rather than glibc's (0). */
int trialexport_localeconv_cached(void);

/* glibc's own `localeconv()` (a `struct lconv *`), to compare with. */
const void *trialexport_glibc_localeconv(void);

#endif
