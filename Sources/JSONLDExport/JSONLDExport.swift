// The JSON-LD exporter lands with its own issue.
enum JSONLDExport {}
