// libdeflate (Debian libdeflate-dev): whole-buffer deflate, cheaper than zlib for the same or smaller output.
#include <libdeflate.h>
