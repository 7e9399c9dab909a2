// The PDF handout exporter lands with its own issue.
enum PDFExport {}
