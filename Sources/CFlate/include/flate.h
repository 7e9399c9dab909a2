#ifndef TRIALEXPORT_FLATE_H
#define TRIALEXPORT_FLATE_H

#include <stddef.h>
#include <stdint.h>

/* Deflate for the PDF handout through libdeflate, which compresses a whole buffer at once for fewer
 * instructions than zlib and output no larger (docs/performance.md, "Issue 18, fourth round: libdeflate").
 *
 * The finisher's streams: `trialexport_zlib_compress` (zlib format, PDF's FlateDecode), one compressor per
 * thread and level, kept for the thread's life.
 *
 * cairo's streams: cairo 1.16 deflates what it still compresses with CAIRO_DEBUG_PDF set (embedded fonts)
 * through zlib's streaming API (`deflateInit_`, `deflate`, `deflateEnd`; cairo-deflate-stream.c), never
 * `compress`. This target defines those three for the process: the executable's definitions come first in the
 * dynamic linker's search, as `__snprintf_chk` does in CPDFOutput. A stream that libcairo itself initialises
 * collects its input and is deflated by libdeflate in one piece at `Z_FINISH`, the output handed out as zlib
 * would (as much as `avail_out` takes per call, `Z_STREAM_END` with the last byte). Every other library's
 * stream (libpng, libxml2, GIO) goes to zlib unchanged, so their bytes do not change. The EPUB's ZIP entries
 * are deflated here too, through `trialexport_deflate_compress` (EPUBExport's ZIPWriter). */

/* Deflates `n` bytes (zlib format) at libdeflate `level` (0–12) into `out`; returns the length written, or 0 if
 * `capacity` is too small (never with `trialexport_zlib_compress_bound`'s capacity). */
size_t trialexport_zlib_compress(int level, const uint8_t *in, size_t n, uint8_t *out, size_t capacity);
size_t trialexport_zlib_compress_bound(int level, size_t n);

/* Raw DEFLATE (RFC 1951, a ZIP entry's method 8) at libdeflate `level` (0–12), with the same per-thread
 * compressors; returns the length written, or 0 if `capacity` is too small (never with the bound's capacity).
 * For the EPUB's ZIP entries. */
size_t trialexport_deflate_compress(int level, const uint8_t *in, size_t n, uint8_t *out, size_t capacity);
size_t trialexport_deflate_compress_bound(int level, size_t n);
/* ZIP's CRC-32 (ISO 3309) of `n` bytes, continuing from `crc` (0 to start). */
uint32_t trialexport_crc32(uint32_t crc, const uint8_t *in, size_t n);

/* The libdeflate level of every stream in the PDF (page content, Form XObjects, ToUnicode maps, cairo's fonts).
 * Level 1 is both smaller and cheaper than what zlib wrote before (level 2 for content, the default level 6 for
 * the rest): over 10 samples in three layouts and PATINA A4, content 546.7 → 509.9 KB, fonts 542.8 → 558.2 KB,
 * the rest 43.7 → 44.4 KB, every file smaller, 291 M → 121 M instructions; docs/performance.md. */
#define TRIALEXPORT_DEFLATE_LEVEL 1

/* For the tests. Whether `deflate` as the dynamic linker resolves it is this target's (1) or zlib's (0). */
int trialexport_flate_interposed(void);
/* How many streams libcairo opened this target has deflated to the end in this process. */
long trialexport_cairo_streams_deflated(void);
/* Initialises `stream` (a zlib `z_stream *`) as this target's buffered stream whoever calls, as `deflateInit_`
 * does for libcairo's calls; `deflate`/`deflateEnd` then act on it. */
int trialexport_buffered_deflate_init(void *stream, int level);

#endif
