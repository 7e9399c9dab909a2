import Foundation
import TrialModel
import XMLKit

/// The package document (OPF): metadata including EPUB Accessibility 1.1 discovery metadata, the manifest
/// and the spine.
///
/// Conformance is claimed (`dcterms:conformsTo` EPUB Accessibility 1.1 - WCAG 2.2 Level AA, `a11y:certifiedBy`
/// the publisher setting) because `make test` evaluates every content document with axe-core 4.12 (WCAG 2.0,
/// 2.1 and 2.2 A and AA rules plus best practices) and EPUBCheck, with 0 violations, as DAISY Ace does
/// (Tests/validators/check-axe.sh).
enum PackageDocument {
    static let href = "EPUB/package.opf"
    static let identifierID = "pub-id"
    static let conformance = "EPUB Accessibility 1.1 - WCAG 2.2 Level AA"

    static func render(_ book: Book, nav: PublicationItem) -> Data {
        let m = book.metadata
        let doc = XMLBuilder()
        let package = doc.root("package", namespace: XMLNamespace.opf)
        package.set("version", "3.0")
        package.set("unique-identifier", identifierID)
        package.set("xml:lang", m.languages[0])
        package.set("dir", m.words.language.direction)

        let metadata = package.element("metadata")
        metadata.declareNamespace(XMLNamespace.dc, prefix: "dc")
        metadata.element("dc:identifier", ["id": identifierID], text: m.identifier)
        metadata.element("dc:title", text: m.title)
        for language in m.languages { metadata.element("dc:language", text: language) }
        metadata.element("dc:creator", text: m.creator)
        metadata.element("dc:publisher", text: m.publisher)
        for subject in m.subjects { metadata.element("dc:subject", text: subject) }
        if let description = m.description { metadata.element("dc:description", text: description) }
        // A full timestamp: a bare date is read as local midnight by some readers and shown a day off.
        metadata.element("dc:date", text: m.modified.epubTimestamp)
        metadata.element("meta", ["property": "dcterms:modified"], text: m.modified.epubTimestamp)
        for (property, value) in accessibility(m) { metadata.element("meta", ["property": property], text: value) }

        let manifest = package.element("manifest")
        for item in [nav] + book.items {
            let e = manifest.element("item", ["id": item.id, "href": item.href, "media-type": item.mediaType])
            if !item.properties.isEmpty { e.set("properties", item.properties.joined(separator: " ")) }
        }
        let spine = package.element("spine")
        // Right-to-left books turn their pages leftwards.
        if m.words.language.isRightToLeft { spine.set("page-progression-direction", "rtl") }
        var spineItems = book.items.filter(\.inSpine)
        if let at = book.navInSpineAt { spineItems.insert(nav, at: min(at, spineItems.count)) }
        for item in spineItems { spine.element("itemref", ["idref": item.id]) }
        return doc.serialize()
    }

    /// EPUB Accessibility 1.1 §2 discovery metadata, claiming only what the files do.
    static func accessibility(_ m: BookMetadata) -> [(String, String)] {
        var out: [(String, String)] = [("schema:accessMode", "textual")]
        if m.hasCharts { out.append(("schema:accessMode", "visual")) }
        out.append(("schema:accessModeSufficient", "textual"))
        var features = ["structuralNavigation", "tableOfContents", "readingOrder", "displayTransformability"]
        // Charts have a text alternative (<title>/<desc>) and an adjacent data table referenced with
        // aria-describedby, which is their long description.
        if m.hasCharts { features += ["alternativeText", "longDescription"] }
        out += features.map { ("schema:accessibilityFeature", $0) }
        out.append(("schema:accessibilityHazard", "none"))
        out.append(("schema:accessibilitySummary", summary(m)))
        out.append(("dcterms:conformsTo", conformance))
        out.append(("a11y:certifiedBy", m.creator))
        return out
    }

    private static func summary(_ m: BookMetadata) -> String {
        let w = m.words
        return w[.a11ySummaryText] + (m.hasCharts ? w[.a11ySummaryCharts] : "") + w[.a11ySummaryConformance]
    }
}
