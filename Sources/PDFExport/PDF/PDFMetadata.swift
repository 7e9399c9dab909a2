import CCairo
import ExportKit
import TrialModel

/// The document information dictionary. Dates come from the summary's review date, never the clock:
/// cairo would otherwise stamp the current time and no two builds would be byte-identical.
struct PDFMetadata {
    var title: String
    var author: String
    var subject: String
    var keywords: String
    var creator: String
    /// ISO 8601, as cairo 1.16 expects.
    var date: String

    init(_ item: LoadedSummary, settings: Settings, toolVersion: String) {
        let s = item.summary
        title = s.title
        author = settings.publisher
        subject = s.lead.plainText
        var words = [s.trial.condition, s.trial.phase.title] + s.trial.registryIDs.map(\.value) + s.tags
        var seen = Set<String>()
        words = words.filter { seen.insert($0.lowercased()).inserted }
        keywords = words.joined(separator: ", ")
        creator = "trialexport \(toolVersion)"
        date = "\(s.reviewed)T00:00:00Z"
    }

    func apply(to canvas: PDFCanvas) {
        canvas.setMetadata(CAIRO_PDF_METADATA_TITLE, title)
        canvas.setMetadata(CAIRO_PDF_METADATA_AUTHOR, author)
        canvas.setMetadata(CAIRO_PDF_METADATA_SUBJECT, subject)
        canvas.setMetadata(CAIRO_PDF_METADATA_KEYWORDS, keywords)
        canvas.setMetadata(CAIRO_PDF_METADATA_CREATOR, creator)
        canvas.setMetadata(CAIRO_PDF_METADATA_CREATE_DATE, date)
        canvas.setMetadata(CAIRO_PDF_METADATA_MOD_DATE, date)
    }
}
