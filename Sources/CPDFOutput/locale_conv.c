/* A replacement for glibc's `localeconv` that answers without rebuilding the whole `struct lconv` on each call.
 * cairo 1.16's `_cairo_dtostr` calls `localeconv()` for every number it prints into a PDF (to find the radix
 * character it then swaps for '.'), and glibc's fills all eighteen fields from the current locale each time:
 * about a hundred instructions a number, ~440,000 numbers in 20 samples' handouts.
 *
 * Safe for any locale: the cached struct is glibc's own answer for the C locale, copied once before main, and it
 * is returned only while the calling thread uses the global locale and that locale's LC_NUMERIC and LC_MONETARY
 * (the categories `struct lconv` describes) are both "C". Asking glibc for those names on every call
 * (`setlocale(c, NULL)`) costs about as much as its `localeconv`, so `setlocale` is interposed as well: it
 * forwards to glibc's and records whether the global locale is still C for both categories. Anything else
 * (another global locale, a thread with its own `uselocale`) goes to glibc's `localeconv`, found with
 * dlsym(RTLD_NEXT). Nothing in this process calls setlocale today (docs/performance.md, "Issue 18, fourth
 * round"), but nothing here depends on that. */
#define _GNU_SOURCE
#include "locale_conv.h"

#include <dlfcn.h>
#include <locale.h>
#include <stdatomic.h>
#include <stddef.h>

struct lconv *localeconv(void);
char *setlocale(int category, const char *locale);

typedef struct lconv *(*localeconv_function)(void);
typedef char *(*setlocale_function)(int, const char *);

static localeconv_function glibc_localeconv;
static setlocale_function glibc_setlocale;
static struct lconv c_locale_conventions;
static int have_c_locale_conventions;
/* Whether the global locale's LC_NUMERIC and LC_MONETARY are "C" (kept by `setlocale` below). */
static atomic_int global_is_c;

static void find_glibc(void) {
    if (glibc_localeconv == NULL) glibc_localeconv = (localeconv_function)dlsym(RTLD_NEXT, "localeconv");
    if (glibc_setlocale == NULL) glibc_setlocale = (setlocale_function)dlsym(RTLD_NEXT, "setlocale");
}

static int is_c(const char *name) {
    return name != NULL && name[0] == 'C' && name[1] == 0;
}

static void note_global_locale(void) {
    atomic_store(&global_is_c, is_c(glibc_setlocale(LC_NUMERIC, NULL)) && is_c(glibc_setlocale(LC_MONETARY, NULL)));
}

/* Before main, while the process has one thread. */
__attribute__((constructor)) static void remember_c_locale_conventions(void) {
    find_glibc();
    if (glibc_localeconv == NULL || glibc_setlocale == NULL) return;
    note_global_locale();
    if (atomic_load(&global_is_c) && uselocale((locale_t)0) == LC_GLOBAL_LOCALE) {
        c_locale_conventions = *glibc_localeconv();
        have_c_locale_conventions = 1;
    }
}

char *setlocale(int category, const char *locale) {
    find_glibc();
    if (locale == NULL) return glibc_setlocale(category, locale);
    /* Not C while glibc changes it; what it is afterwards once it has. */
    atomic_store(&global_is_c, 0);
    char *result = glibc_setlocale(category, locale);
    note_global_locale();
    return result;
}

struct lconv *localeconv(void) {
    if (have_c_locale_conventions && atomic_load_explicit(&global_is_c, memory_order_acquire)
        && uselocale((locale_t)0) == LC_GLOBAL_LOCALE) {
        return &c_locale_conventions;
    }
    find_glibc();
    return glibc_localeconv();
}

int trialexport_localeconv_active(void) {
    return dlsym(RTLD_DEFAULT, "localeconv") == (void *)localeconv
        && dlsym(RTLD_DEFAULT, "setlocale") == (void *)setlocale;
}

int trialexport_localeconv_cached(void) {
    return have_c_locale_conventions && localeconv() == &c_locale_conventions;
}

const void *trialexport_glibc_localeconv(void) {
    find_glibc();
    return glibc_localeconv();
}
