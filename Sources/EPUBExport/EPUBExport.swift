// The EPUB exporter lands with its own issue.
enum EPUBExport {}
