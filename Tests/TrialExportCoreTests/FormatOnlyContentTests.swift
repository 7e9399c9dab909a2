import DigestExport
import EPUBExport
import ExportKit
import Foundation
import JSONLDExport
import PDFExport
import Testing
import TestSupport
@testable import TrialExportCore
import TrialModel
import ZIPFoundation

/// Issue 13 §4, the other direction of `NumberConsistencyTests`: nothing appears in one format only. Every
/// number and heading the PDF (`pdftotext` and its bookmarks), the EPUB (XHTML), the digest and the JSON-LD
/// show must come from the content plan, and every one a format shows must be in each full format (PDF,
/// EPUB, digest) too, apart from the documented exceptions in `FormatExceptions`.
@Suite struct FormatOnlyContentTests {
    /// What one format shows: its numbers and headings, and its text (for "is it there at all").
    struct Shown {
        var numbers: Set<String>
        var headings: [String]
        var text: String
    }

    @Test func nothingAppearsInOneFormatOnly() throws {
        let context = TestSupport.context(options: ExportOptions(variants: ["a4"]))
        let pdf = try PDFExporter(context: context), epub = try EPUBExporter(context: context)
        let digest = try DigestExporter(context: context), jsonld = try JSONLDExporter(context: context)
        let worker = WorkerCache()
        let dir = try TestSupport.temporaryFolder()
        var findings: [String] = []
        var compared = 0
        for item in NumberConsistencyTests.library {
            let pdfFile = dir.appendingPathComponent("\(item.id).pdf")
            try pdf.render(item, variant: "a4", worker: worker)[0].bytes().write(to: pdfFile)
            let shown: [String: Shown] = [
                "PDF": try Self.pdf(pdfFile),
                "EPUB": try Self.epub(epub.render(item, variant: "", worker: worker)[0].bytes()),
                "digest": Self.digest(String(decoding: try digest.render(item, variant: "", worker: worker)[0].bytes(), as: UTF8.self)),
                "JSON-LD": try Self.jsonld(jsonld.render(item, variant: "", worker: worker)[0].bytes()),
            ]
            let plan = PlanText(item, settings: context.settings)
            findings += Self.findings(item.id, shown: shown, plan: plan)
            compared += shown.values.reduce(0) { $0 + $1.numbers.count + $1.headings.count }
        }
        #expect(findings.isEmpty, "\(findings.count) findings:\n\(findings.prefix(40).joined(separator: "\n"))")
        #expect(compared > 0)
    }

    /// The check fails on a broken input: a digest that states a number no other format has, and an EPUB
    /// with a heading of its own.
    @Test func aFormatOnlyNumberOrHeadingIsFound() throws {
        let item = try TestSupport.patina()
        let context = TestSupport.context(options: ExportOptions(variants: ["a4"]))
        let worker = WorkerCache()
        let epub = try Self.epub(EPUBExporter(context: context).render(item, variant: "", worker: worker)[0].bytes())
        let digestText = String(decoding: try DigestExporter(context: context).render(item, variant: "", worker: worker)[0].bytes(),
                                as: UTF8.self)
        let plan = PlanText(item, settings: context.settings)
        let full = ["EPUB": epub, "digest": Self.digest(digestText)]
        #expect(Self.findings(item.id, shown: full, plan: plan).isEmpty)

        var broken = full
        broken["digest"] = Self.digest(digestText + "\nThe cancer stayed away for 47.25 months.\n")
        broken["EPUB"]!.headings.append("Results in mice")
        broken["EPUB"]!.text += " Results in mice"
        let found = Self.findings(item.id, shown: broken, plan: plan)
        #expect(found.contains { $0.contains("47.25") && $0.contains("digest") })
        #expect(found.contains { $0.contains("Results in mice") && $0.contains("EPUB") })
    }

    // MARK: The comparison

    static let fullFormats = ["PDF", "EPUB", "digest"]

    /// Each format's numbers and headings against the plan and against every other full format present.
    static func findings(_ id: String, shown: [String: Shown], plan: PlanText) -> [String] {
        var out: [String] = []
        for (format, s) in shown.sorted(by: { $0.key < $1.key }) {
            let ownNumbers = FormatExceptions.numbers(format, plan: plan)
            for n in s.numbers.sorted() where !ownNumbers.contains(n) {
                if !plan.numbers.contains(n) { out.append("\(id): \(format) shows the number \(n), which the content plan lacks") }
                for other in fullFormats where other != format {
                    guard let o = shown[other], !o.numbers.contains(n),
                          !FormatExceptions.numbers(other, plan: plan).contains(n) else { continue }
                    out.append("\(id): the number \(n) is in \(format) but not in \(other)")
                }
            }
            let own = FormatExceptions.headings(format)
            for h in s.headings where !own.ownHeadings.contains(h) {
                // The plan's words for the heading, where this format words it differently.
                let planned = own.aliases.first { $0.value == h }?.key ?? h
                if !plan.headings.contains(planned) { out.append("\(id): \(format) has the heading '\(h)', which the content plan lacks") }
                for other in fullFormats where other != format {
                    guard let o = shown[other] else { continue }
                    let words = normalized(FormatExceptions.headings(other).aliases[planned] ?? planned)
                    // pdftotext joins a word broken after a hyphen at a line end and drops the hyphen.
                    let unhyphenated = { (t: String) in t.replacingOccurrences(of: "-", with: "") }
                    if !o.text.contains(words), !unhyphenated(o.text).contains(unhyphenated(words)) {
                        out.append("\(id): the heading '\(h)' is in \(format) but not in \(other)")
                    }
                }
            }
        }
        return out
    }

    // MARK: What each format shows

    /// Whitespace runs as one space, so text that wraps still matches.
    static func normalized(_ s: String) -> String { NumberConsistencyTests.normalized(s) }

    /// Numbers as written ("1,000", "0.64", "2026"), without a sign or unit; web addresses and e-mail
    /// addresses are left out (their digits are not facts).
    static func numbers(in text: String) -> Set<String> {
        let plain = text.replacingOccurrences(of: #"(https?://|www\.)[^\s<>"]+|[^\s@<>]+@[^\s@<>]+"#, with: " ",
                                              options: .regularExpression)
        let regex = try! NSRegularExpression(pattern: #"[0-9]+(?:[.,][0-9]+)*"#)
        let ns = plain as NSString
        return Set(regex.matches(in: plain, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range) })
    }

    static func pdf(_ file: URL) throws -> Shown {
        // The running footer's "Page N of M" is the PDF's own.
        let text = normalized(try TestSupport.run("pdftotext", ["-enc", "UTF-8", file.path, "-"]).stdout
            .replacingOccurrences(of: #"Page [0-9]+ of [0-9]+"#, with: " ", options: .regularExpression))
        // Headings as the reader navigates them: the bookmarks (sections, charts, subheadings).
        let json = try TestSupport.run("qpdf", ["--json=2", "--json-key=outlines", file.path]).stdout
        let root = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        var headings: [String] = []
        func walk(_ nodes: [[String: Any]]) {
            for n in nodes {
                if let t = n["title"] as? String { headings.append(normalized(t)) }
                walk(n["kids"] as? [[String: Any]] ?? [])
            }
        }
        walk(root?["outlines"] as? [[String: Any]] ?? [])
        return Shown(numbers: numbers(in: text), headings: headings, text: text)
    }

    static func epub(_ data: Data) throws -> Shown {
        let archive = try Archive(data: data, accessMode: .read)
        guard let entry = archive["EPUB/summary.xhtml"] else { return Shown(numbers: [], headings: [], text: "") }
        var xhtml = Data()
        _ = try archive.extract(entry) { xhtml.append($0) }
        let body = String(decoding: xhtml, as: UTF8.self)
        func plain(_ s: String) -> String {
            normalized(s.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
                .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<")
                .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
                .replacingOccurrences(of: "&#39;", with: "'"))
        }
        // The head (title, metadata) is not shown; the body's text nodes are, SVG text too.
        let bodyOnly = body.range(of: "<body").map { String(body[$0.lowerBound...]) } ?? body
        let regex = try NSRegularExpression(pattern: #"<h[1-6][^>]*>(.*?)</h[1-6]>"#, options: [.dotMatchesLineSeparators])
        let ns = bodyOnly as NSString
        let headings = regex.matches(in: bodyOnly, range: NSRange(location: 0, length: ns.length)).map {
            plain(ns.substring(with: $0.range(at: 1))).trimmingCharacters(in: .whitespaces)
        }
        let text = plain(bodyOnly)
        return Shown(numbers: numbers(in: text), headings: headings, text: text)
    }

    static func digest(_ raw: String) -> Shown {
        // Link references ("[2]") and the list of addresses they point to are the digest's own.
        let lines = raw.components(separatedBy: "\n").filter { $0.range(of: #"^\[[0-9]+\] "#, options: .regularExpression) == nil }
        var headings: [String] = []
        var paragraph: [String] = []
        for line in lines {
            if line.range(of: #"^(-{3,}|={3,})$"#, options: .regularExpression) != nil, !paragraph.isEmpty {
                headings.append(normalized(paragraph.joined(separator: " ")))
                paragraph = []
            } else if line.trimmingCharacters(in: .whitespaces).isEmpty {
                paragraph = []
            } else {
                paragraph.append(line)
            }
        }
        let text = normalized(lines.joined(separator: "\n").replacingOccurrences(of: #"\[[0-9]+\]"#, with: " ", options: .regularExpression))
        return Shown(numbers: numbers(in: text), headings: headings, text: text)
    }

    /// The JSON-LD's human-readable values (names, headlines, descriptions, property values); identifiers,
    /// addresses, ISO dates and durations are for machines and left out (`FormatExceptions.jsonldMachineKeys`).
    static func jsonld(_ data: Data) throws -> Shown {
        var texts: [String] = []
        var headings: [String] = []
        func walk(_ v: Any, key: String) {
            switch v {
            case let d as [String: Any]:
                // The summary's heading is its web page's headline; a cited article's headline is the article's.
                if d["@type"] as? String == "MedicalWebPage", let h = d["headline"] as? String { headings.append(normalized(h)) }
                for (k, x) in d where !FormatExceptions.jsonldMachineKeys.contains(k) { walk(x, key: k) }
            case let a as [Any]: for x in a { walk(x, key: key) }
            case let s as String:
                texts.append(s)
            case let n as NSNumber: texts.append(n.stringValue)
            default: break
            }
        }
        walk(try JSONSerialization.jsonObject(with: data), key: "")
        let text = normalized(texts.joined(separator: " \n "))
        return Shown(numbers: numbers(in: text), headings: headings, text: text)
    }
}

/// What the content plan says, as text: the oracle for "where does this come from". Built from the model
/// (the summary and its derived views), never from an exporter's output.
struct PlanText {
    var numbers: Set<String>
    var headings: Set<String>
    /// Every chart's axis tick labels at any tick count (printed beside the axis in PDF and EPUB).
    var ticks: Set<String>
    /// Numbers in the arms' treatments: names, drug classes, dosing.
    var interventions: Set<String>

    init(_ item: LoadedSummary, settings: Settings) {
        let s = item.summary, v = item.views
        var text = s.allText + [s.trial.name, s.trial.condition, s.category.title, s.cancerType, v.readingTime.text,
                                s.reviewed.longText, settings.siteName, settings.publisher]
        text += v.keyFacts.facts.flatMap { [$0.label, $0.value] } + [v.keyFacts.mainResult].compactMap { $0 }
        text += s.trial.registryIDs.map(\.value)
        var headings = Set([s.title, "Key facts"] + s.sections.map(\.heading))
        for sec in s.sections {
            for b in sec.blocks {
                switch b {
                case .subheading(let t): headings.insert(t)
                case .questionAnswer(let qa): headings.insert(qa.question)
                default: break
                }
            }
        }
        var ticks = Set<String>()
        for id in v.plan.outcomeIDs(in: s) {
            guard let o = s.outcome(id) else { continue }
            headings.insert(o.label)
            text += [o.label, o.explanation?.plainText, o.finding?.plainText, o.maturity?.plainText].compactMap { $0 }
            if let e = o.effect { text += [e.statement, e.meaning ?? ""] }
            if let c = v.chart(for: id) {
                headings.insert(c.title)
                text += [c.title, c.caption, c.frequencySentence ?? "", c.rangeText]
                text += c.bars.flatMap { [$0.label, $0.valueText, $0.frequency?.peopleText ?? ""] }
                for n in 1...5 { for t in c.ticks(intervals: n) { ticks.formUnion(FormatOnlyContentTests.numbers(in: c.tickLabel(t))) } }
            }
        }
        for part in v.plan.parts {
            if case .outcomes(let group, _) = part { headings.insert(group.heading) }
        }
        if !v.usedGlossary.isEmpty { headings.insert("Words used in this summary") }
        text += v.usedGlossary.flatMap { [$0.term, $0.definition.plainText] }
        numbers = FormatOnlyContentTests.numbers(in: text.joined(separator: "\n"))
        self.headings = Set(headings.map(FormatOnlyContentTests.normalized))
        self.ticks = ticks
        interventions = FormatOnlyContentTests.numbers(in: s.arms.flatMap(\.interventions)
            .flatMap { [$0.name, $0.drugClass ?? "", $0.dosing ?? ""] }.joined(separator: "\n"))
    }
}

/// The documented exceptions: what a format shows of its own, by design.
enum FormatExceptions {
    /// Numbers a format may show that the others do not.
    static func numbers(_ format: String, plan: PlanText) -> Set<String> {
        switch format {
        // Axis tick labels beside each bar chart (PDF) and in the inline SVG charts (EPUB); the digest
        // gives the axis range ("Bars run from 0 to 50 months").
        case "PDF", "EPUB": plan.ticks
        // The text icon arrays' key: "Each row is 10 people".
        case "digest": [String(IconArray.side)]
        // Structured data on each arm's treatments (Drug and DrugClass nodes: names, classes, dosing), which
        // the other formats describe in the summary's own prose.
        case "JSON-LD": plan.interventions
        default: []
        }
    }

    /// Headings of a format's own, and the plan's headings a format words differently (plan → format).
    /// The EPUB's glossary and colophon headings are the EPUB's own words today; the message catalogue
    /// may unify them.
    static func headings(_ format: String) -> (ownHeadings: Set<String>, aliases: [String: String]) {
        switch format {
        case "EPUB": (["About this summary"], ["Words used in this summary": "Glossary"])
        default: ([], [:])
        }
    }

    /// JSON-LD keys whose values are for machines (identifiers, addresses, ISO 8601 dates and durations, types).
    static let jsonldMachineKeys: Set<String> = ["@id", "@type", "@context", "url", "sameAs", "identifier", "significantLink",
                                                 "lastReviewed", "datePublished", "dateModified", "timeRequired", "inLanguage"]
}
