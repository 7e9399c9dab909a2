// zlib (Debian zlib1g-dev): inflates cairo's page content for the PDF/UA finisher and deflates it again once marked.
#include <zlib.h>
