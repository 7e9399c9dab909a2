// qpdf's C API (Debian libqpdf-dev 11.3): reads a PDF from memory, edits its objects, writes it to memory.
#include <qpdf/qpdf-c.h>
