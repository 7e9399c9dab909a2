// The email digest exporter lands with its own issue.
enum DigestExport {}
