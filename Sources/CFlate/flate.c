/* libdeflate for the PDF's deflated streams: the finisher's (trialexport_zlib_compress) and cairo's own
 * (zlib's streaming API, replaced here for streams libcairo opens). See include/flate.h. */
#define _GNU_SOURCE
#include "flate.h"

#include <dlfcn.h>
#include <libdeflate.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* One compressor per thread and level (a compressor is not thread-safe; making one costs more than a small
 * stream), freed when the thread ends. */
static pthread_key_t compressors_key;
static pthread_once_t compressors_once = PTHREAD_ONCE_INIT;

static void free_compressors(void *p) {
    struct libdeflate_compressor **c = p;
    for (int level = 0; level <= 12; level++) if (c[level]) libdeflate_free_compressor(c[level]);
    free(c);
}

static void make_compressors_key(void) { pthread_key_create(&compressors_key, free_compressors); }

static struct libdeflate_compressor *compressor(int level) {
    if (level < 0 || level > 12) return NULL;
    pthread_once(&compressors_once, make_compressors_key);
    struct libdeflate_compressor **c = pthread_getspecific(compressors_key);
    if (!c) {
        c = calloc(13, sizeof *c);
        if (!c || pthread_setspecific(compressors_key, c) != 0) { free(c); return NULL; }
    }
    if (!c[level]) c[level] = libdeflate_alloc_compressor(level);
    return c[level];
}

size_t trialexport_zlib_compress_bound(int level, size_t n) {
    struct libdeflate_compressor *c = compressor(level);
    return c ? libdeflate_zlib_compress_bound(c, n) : 0;
}

size_t trialexport_zlib_compress(int level, const uint8_t *in, size_t n, uint8_t *out, size_t capacity) {
    struct libdeflate_compressor *c = compressor(level);
    return c ? libdeflate_zlib_compress(c, in, n, out, capacity) : 0;
}

size_t trialexport_deflate_compress_bound(int level, size_t n) {
    struct libdeflate_compressor *c = compressor(level);
    return c ? libdeflate_deflate_compress_bound(c, n) : 0;
}

size_t trialexport_deflate_compress(int level, const uint8_t *in, size_t n, uint8_t *out, size_t capacity) {
    struct libdeflate_compressor *c = compressor(level);
    return c ? libdeflate_deflate_compress(c, in, n, out, capacity) : 0;
}

uint32_t trialexport_crc32(uint32_t crc, const uint8_t *in, size_t n) { return libdeflate_crc32(crc, in, n); }

/* ---- zlib's streaming deflate, for the streams libcairo opens ---- */

static const char buffered_magic = 0;

/* What `z_stream.state` points to for a buffered stream. zlib's own state starts with its z_stream pointer,
 * never the address of `buffered_magic`: that first field tells the two apart. */
struct buffered {
    const char *magic;
    int level;
    int started;                       /* deflate was called: deflateEnd before the end is Z_DATA_ERROR */
    int counts;                        /* a stream libcairo opened, not yet counted as deflated */
    unsigned char *in;                 /* input collected until Z_FINISH */
    size_t in_length, in_capacity;
    unsigned char *out;                /* set at Z_FINISH: the whole deflated stream, handed out from out_given */
    size_t out_length, out_given;
};

static long cairo_streams_deflated;

static struct buffered *buffered(z_streamp strm) {
    if (strm == NULL || strm->state == NULL) return NULL;
    struct buffered *b = (struct buffered *)strm->state;
    return b->magic == &buffered_magic ? b : NULL;
}

static void *zlib_function(const char *name) {
    void *f = dlsym(RTLD_NEXT, name);
    if (f == NULL) {
        fprintf(stderr, "trialexport: zlib's %s not found\n", name);
        abort();
    }
    return f;
}

typedef int (*deflate_init_f)(z_streamp, int, const char *, int);
typedef int (*deflate_f)(z_streamp, int);
typedef int (*deflate_end_f)(z_streamp);

#define ZLIB(type, name) ({                                                   \
    static type cached;                                                       \
    type f = __atomic_load_n(&cached, __ATOMIC_ACQUIRE);                      \
    if (f == NULL) {                                                          \
        f = (type)zlib_function(name);                                        \
        __atomic_store_n(&cached, f, __ATOMIC_RELEASE);                       \
    }                                                                         \
    f; })

/* cairo opens its streams from one or two call sites: the last caller found in libcairo is remembered, so
 * `dladdr` (a walk over the loaded objects' symbols, ~20,000 instructions) runs once per site, not per stream. */
static const void *cairo_caller;

static int from_libcairo(const void *caller) {
    if (caller == NULL) return 0;
    if (caller == __atomic_load_n(&cairo_caller, __ATOMIC_RELAXED)) return 1;
    Dl_info info;
    if (dladdr(caller, &info) == 0 || info.dli_fname == NULL) return 0;
    const char *slash = strrchr(info.dli_fname, '/');
    if (strncmp(slash ? slash + 1 : info.dli_fname, "libcairo.so", 11) != 0) return 0;
    __atomic_store_n(&cairo_caller, caller, __ATOMIC_RELAXED);
    return 1;
}

int trialexport_buffered_deflate_init(void *stream, int level) {
    z_streamp strm = stream;
    if (strm == NULL || level < 0 || level > 12) return Z_STREAM_ERROR;
    struct buffered *b = calloc(1, sizeof *b);
    if (b == NULL) return Z_MEM_ERROR;
    b->magic = &buffered_magic;
    b->level = level;
    b->counts = 0;
    strm->state = (struct internal_state *)b;
    strm->msg = NULL;
    strm->total_in = strm->total_out = 0;
    strm->adler = 1;
    strm->data_type = Z_UNKNOWN;
    return Z_OK;
}

int deflateInit_(z_streamp strm, int level, const char *version, int stream_size) {
    if (!from_libcairo(__builtin_return_address(0)))
        return ZLIB(deflate_init_f, "deflateInit_")(strm, level, version, stream_size);
    if (version == NULL || version[0] != ZLIB_VERSION[0] || stream_size != (int)sizeof(z_stream))
        return Z_VERSION_ERROR;
    if (strm == NULL || level < Z_DEFAULT_COMPRESSION || level > 9) return Z_STREAM_ERROR;
    int status = trialexport_buffered_deflate_init(strm, TRIALEXPORT_DEFLATE_LEVEL);
    if (status == Z_OK) buffered(strm)->counts = 1;
    return status;
}

/* zlib's contract for Z_NO_FLUSH and Z_FINISH (all cairo uses; other flush modes are Z_STREAM_ERROR): all input
 * is taken at once, output comes at Z_FINISH as far as avail_out allows, Z_OK while some is left, Z_STREAM_END
 * with the last byte; Z_BUF_ERROR when no progress is possible (no room, or nothing to do). */
int deflate(z_streamp strm, int flush) {
    struct buffered *b = buffered(strm);
    if (b == NULL) return ZLIB(deflate_f, "deflate")(strm, flush);
    if ((flush != Z_NO_FLUSH && flush != Z_FINISH) || strm->next_out == NULL ||
        (strm->avail_in != 0 && strm->next_in == NULL) || (b->out != NULL && flush != Z_FINISH))
        return Z_STREAM_ERROR;
    if (strm->avail_out == 0) return Z_BUF_ERROR;
    if (b->out == NULL) {
        if (strm->avail_in == 0 && flush == Z_NO_FLUSH) return Z_BUF_ERROR;
        size_t n = strm->avail_in;
        if (b->in_length + n > b->in_capacity) {
            size_t capacity = b->in_capacity ? b->in_capacity : 16384;
            while (capacity < b->in_length + n) capacity *= 2;
            unsigned char *in = realloc(b->in, capacity);
            if (in == NULL) return Z_MEM_ERROR;
            b->in = in;
            b->in_capacity = capacity;
        }
        if (n) memcpy(b->in + b->in_length, strm->next_in, n);
        b->in_length += n;
        strm->next_in += n;
        strm->avail_in = 0;
        strm->total_in += n;
        b->started = 1;
        if (flush == Z_NO_FLUSH) return Z_OK;
        struct libdeflate_compressor *c = compressor(b->level);
        if (c == NULL) return Z_MEM_ERROR;
        size_t bound = libdeflate_zlib_compress_bound(c, b->in_length);
        unsigned char *out = malloc(bound);
        if (out == NULL) return Z_MEM_ERROR;
        b->out_length = libdeflate_zlib_compress(c, b->in, b->in_length, out, bound);
        if (b->out_length < 6) { free(out); return Z_STREAM_ERROR; }     /* cannot happen with bound's room */
        b->out = out;
        free(b->in);
        b->in = NULL;
        b->in_length = b->in_capacity = 0;
        /* zlib leaves the input's Adler-32 in `adler`: the stream's last four bytes, big-endian. */
        const unsigned char *t = out + b->out_length - 4;
        strm->adler = ((uLong)t[0] << 24) | ((uLong)t[1] << 16) | ((uLong)t[2] << 8) | t[3];
    } else if (strm->avail_in != 0) {
        return Z_BUF_ERROR;                       /* input after Z_FINISH */
    }
    size_t n = b->out_length - b->out_given;
    if (n > strm->avail_out) n = strm->avail_out;
    memcpy(strm->next_out, b->out + b->out_given, n);
    b->out_given += n;
    strm->next_out += n;
    strm->avail_out -= (uInt)n;
    strm->total_out += n;
    if (b->out_given < b->out_length) return Z_OK;
    if (b->counts) {
        b->counts = 0;
        __atomic_add_fetch(&cairo_streams_deflated, 1, __ATOMIC_RELAXED);
    }
    return Z_STREAM_END;
}

int deflateEnd(z_streamp strm) {
    struct buffered *b = buffered(strm);
    if (b == NULL) return ZLIB(deflate_end_f, "deflateEnd")(strm);
    int unfinished = b->started && b->out == NULL;
    free(b->in);
    free(b->out);
    free(b);
    strm->state = NULL;
    return unfinished ? Z_DATA_ERROR : Z_OK;
}

int trialexport_flate_interposed(void) {
    return dlsym(RTLD_DEFAULT, "deflate") == (void *)deflate &&
           dlsym(RTLD_DEFAULT, "deflateInit_") == (void *)deflateInit_ &&
           dlsym(RTLD_DEFAULT, "deflateEnd") == (void *)deflateEnd;
}

long trialexport_cairo_streams_deflated(void) { return __atomic_load_n(&cairo_streams_deflated, __ATOMIC_RELAXED); }
