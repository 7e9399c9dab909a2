#ifndef TRIALEXPORT_FILE_ID_H
#define TRIALEXPORT_FILE_ID_H

#include <stddef.h>
#include <stdint.h>

/* MurmurHash3_x64_128 (Austin Appleby's, public domain) of `length` bytes with `seed`: 16 bytes into `out`,
 * h1 then h2, each little-endian, as the reference implementation stores them on x86-64. The PDF/UA finisher
 * derives a handout's trailer /ID from it (file_id.c says why not MD5). */
void trialexport_murmur3_x64_128(const void *data, size_t length, uint32_t seed, uint8_t out[16]);

#endif
