/* The buffer cairo's PDF surface writes into, and the write callback, in C. cairo calls the callback tens of
 * thousands of times a handout (page content is written uncompressed, one call per literal piece and per number:
 * see pdf_output.h), mostly with a few bytes; here a short piece is a bounds check and a copy that calls nothing.
 * The Swift closure it replaces cost ~55 instructions a call (thunk, saved registers, memcpy). */
#include "output_sink.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct trialexport_sink {
    unsigned char *data;
    size_t count;
    size_t capacity;
};

trialexport_sink *trialexport_sink_create(size_t capacity) {
    trialexport_sink *s = malloc(sizeof *s);
    if (s == NULL) return NULL;
    if (capacity < 64) capacity = 64;
    s->data = malloc(capacity);
    if (s->data == NULL) { free(s); return NULL; }
    s->count = 0;
    s->capacity = capacity;
    return s;
}

void trialexport_sink_destroy(trialexport_sink *s) {
    if (s == NULL) return;
    free(s->data);
    free(s);
}

const unsigned char *trialexport_sink_bytes(const trialexport_sink *s) { return s->data; }

size_t trialexport_sink_count(const trialexport_sink *s) { return s->count; }

/* Whatever the fast path does not take: a long piece, or one that may not fit. Out of line, so that the fast path
 * calls nothing and saves no registers. */
static __attribute__((noinline)) int write_slowly(trialexport_sink *s, const unsigned char *bytes, size_t n) {
    size_t end = s->count + n;
    if (end > s->capacity) {
        size_t capacity = s->capacity * 2;
        while (capacity < end) capacity *= 2;
        unsigned char *data = realloc(s->data, capacity);
        if (data == NULL) return 11;    /* CAIRO_STATUS_WRITE_ERROR */
        s->data = data;
        s->capacity = capacity;
    }
    memcpy(s->data + s->count, bytes, n);
    s->count = end;
    return 0;
}

/* cairo_write_func_t: returns CAIRO_STATUS_SUCCESS (0), or CAIRO_STATUS_WRITE_ERROR when memory runs out. Most
 * pieces are a number or an operator: up to 16 bytes are copied as two overlapping fixed-size loads and stores. */
static int sink_write(void *closure, const unsigned char *bytes, unsigned int length) {
    trialexport_sink *s = closure;
    size_t n = length, count = s->count;
    if (__builtin_expect(n > 16 || s->capacity - count < 16, 0)) return write_slowly(s, bytes, n);
    unsigned char *d = s->data + count;
    if (n >= 8) {
        uint64_t a, b;
        memcpy(&a, bytes, 8); memcpy(&b, bytes + n - 8, 8);
        memcpy(d, &a, 8); memcpy(d + n - 8, &b, 8);
    } else if (n >= 4) {
        uint32_t a, b;
        memcpy(&a, bytes, 4); memcpy(&b, bytes + n - 4, 4);
        memcpy(d, &a, 4); memcpy(d + n - 4, &b, 4);
    } else if (n > 0) {
        d[0] = bytes[0]; d[n / 2] = bytes[n / 2]; d[n - 1] = bytes[n - 1];
    }
    s->count = count + n;
    return 0;
}

void *trialexport_sink_write_function(void) { return (void *)sink_write; }
