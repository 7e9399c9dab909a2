extension Scaffold {
    /// `trialexport.yaml` for a new project: every key, set to its default, with what it is for.
    static let settings = #"""
# trialexport project settings. Every key is optional: the value shown is the default, used when the key
# (or this whole file) is missing. Commands run anywhere inside this folder find this file.
# Check it with `trialexport validate`.

# Name of the web site; shown in the PDF footer and in the EPUB and JSON-LD publisher details.
siteName: Clear Trials

# Who publishes the summaries: PDF Author, EPUB creator, JSON-LD publisher.
publisher: Clear Trials editorial team

# Absolute http(s) URL of the web site's summary pages: a summary's page is baseURL + its id. It appears in
# every output (QR codes, links, JSON-LD @id), so set it to your own site before publishing.
baseURL: https://cleartrials.example.org/summaries/

# The email digest (trialexport digest writes output/digest/digest.eml).
newsletter:
  # From header of the message.
  from: Clear Trials <newsletter@cleartrials.example.org>
  # To header: the mailing list's address.
  listAddress: readers@lists.cleartrials.example.org
  # List-Id header (RFC 2919).
  listId: summaries.cleartrials.example.org
  # One-click unsubscribe page (RFC 8058); must be an absolute https URL.
  unsubscribeURL: https://cleartrials.example.org/newsletter/unsubscribe
  # Unsubscribe by email; must be a mailto: URL.
  unsubscribeMailto: mailto:unsubscribe@lists.cleartrials.example.org?subject=unsubscribe
  # Subject of the message.
  subject: New trial summaries

pdf:
  # Page layouts `trialexport all` renders; `trialexport layouts` lists them. A file layouts/NAME.yaml in this
  # folder adds a layout or replaces the installed one of that name; likewise fonts/ for fonts.
  layouts: [a4, large-print, brief-a4]

# trialexport lint: is a summary good enough to publish as a lay summary?
lint:
  # Highest Flesch–Kincaid grade per section and overall, and the longest sentence in words.
  maxGrade: 8
  maxSentenceWords: 25
  # Level of readability findings, and the lowest level that makes `trialexport lint` exit 1 (note, warning, error).
  readabilityLevel: warning
  failOn: error
  # Capitalised words that are acronyms, not shouting (added to the built-in list).
  acronyms: []
"""#
}
