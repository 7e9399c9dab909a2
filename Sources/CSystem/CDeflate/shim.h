// zlib (Debian zlib1g-dev): inflates what the PDF/UA finisher reads (libdeflate deflates; see CFlate).
#include <zlib.h>
