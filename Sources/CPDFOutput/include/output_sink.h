#ifndef TRIALEXPORT_OUTPUT_SINK_H
#define TRIALEXPORT_OUTPUT_SINK_H

#include <stddef.h>

/* A growing byte buffer for cairo_pdf_surface_create_for_stream (output_sink.c). */
typedef struct trialexport_sink trialexport_sink;

/* NULL when out of memory. */
trialexport_sink *trialexport_sink_create(size_t capacity);
void trialexport_sink_destroy(trialexport_sink *sink);
const unsigned char *trialexport_sink_bytes(const trialexport_sink *sink);
size_t trialexport_sink_count(const trialexport_sink *sink);

/* The write callback, a cairo_write_func_t (this target does not see cairo's headers; cairo_status_t is an int),
 * called with the sink as closure. */
void *trialexport_sink_write_function(void);

#endif
