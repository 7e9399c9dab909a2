import ExportKit
import Foundation
import TrialModel
import Yams

/// Reads a layout file into a `PageLayout`, collecting every problem with its line, column and field,
/// so a broken layout reports `layouts/a4.yaml:12:9: error: margins.left: …` instead of a crash later.
enum LayoutReader {
    static func read(_ url: URL) throws -> PageLayout {
        let name = url.deletingPathExtension().lastPathComponent
        let log = DiagnosticLog(file: url.path)
        guard let bytes = try? Data(contentsOf: url) else {
            throw ExportError.configuration("\(url.path): error: cannot read the layout file")
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: String(decoding: bytes, as: UTF8.self))
        } catch let e as YamlError {
            let (line, column, message) = SummaryReader.describe(e)
            throw ExportError.configuration("\(url.path):\(line):\(column): error: YAML syntax: \(message)")
        }
        guard let root else { throw ExportError.configuration("\(url.path):1:1: error: the layout file is empty") }
        let layout = YAMLValue(node: root, path: "", log: log).layout(name: name)
        if let layout, !log.hasErrors { return layout }
        throw ExportError.configuration(log.items.map(\.description).joined(separator: "\n"))
    }
}

/// The layout format, read with the model's YAML-with-locations reader: every accessor reports its problem to the
/// log (file:line:col, field path) and returns nil.
extension YAMLValue {
    /// The mapping's values by key, after rejecting keys the layout format does not know.
    func mapping(allowed: [String]) -> [String: YAMLValue]? {
        guard let m = map(allowed) else { return nil }
        var out: [String: YAMLValue] = [:]
        for key in m.keys { out[key] = m.optional(key) }
        return out
    }

    func number(in range: ClosedRange<Double>, unit: String) -> Double? {
        guard case .scalar(let s) = node, let v = Double(s.string) else { error("expected a number (\(unit))"); return nil }
        guard range.contains(v) else {
            error("\(s.string) \(unit) is outside \(fmt(range.lowerBound))…\(fmt(range.upperBound)) \(unit)"); return nil
        }
        return v
    }

    func colour(minContrast: Double) -> RGB? {
        guard case .scalar(let s) = node, let c = RGB(hex: s.string) else { error("expected a colour like \"#1A1A1A\""); return nil }
        let ratio = c.contrast(with: .white)
        guard ratio >= minContrast else {
            error("\(s.string) has contrast \(fmt(ratio)):1 on white paper; at least \(fmt(minContrast)):1 is needed"); return nil
        }
        return c
    }

    func sequence() -> [YAMLValue]? { list(nonEmpty: true) }

    private func mm(_ points: Double) -> String { String(Int((points * 25.4 / 72).rounded())) }

    private func fmt(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(format: "%.2g", v) }

    // MARK: The layout format

    func layout(name: String) -> PageLayout? {
        guard let f = mapping(allowed: ["name", "description", "largePrint", "content", "percentages", "page", "margins",
                                        "type", "colours"]) else { return nil }
        func required(_ key: String) -> YAMLValue? {
            if let v = f[key] { return v }
            error("missing field '\(key)'"); return nil
        }
        let title = required("name")?.text()
        let description = required("description")?.text()
        let largePrint = f["largePrint"].map { $0.bool() ?? false } ?? false
        let content = f["content"].map { $0.choice(PageLayout.Content.self) } ?? .full
        let percentages = f["percentages"].map { $0.choice(PageLayout.PercentChart.self) } ?? .icons
        let page = required("page").flatMap { readPageSize($0) }
        let sides = required("margins").flatMap { readMargins($0, min: largePrint ? 25.4 : 20) }
        let scale = required("type").flatMap { readTypeScale($0, min: largePrint ? 18 : 12) }
        let palette = required("colours").flatMap { readColours($0) }
        guard let title, let description, let page, let sides, let scale, let palette, let content, let percentages else { return nil }
        let width = page.0 - sides.left - sides.right, height = page.1 - sides.top - sides.bottom
        if width < PageLayout.minimumTextWidth || height < PageLayout.minimumTextHeight {
            required("margins")?.error("the text area is \(mm(width)) × \(mm(height)) mm; it must be at least "
                                       + "\(mm(PageLayout.minimumTextWidth)) × \(mm(PageLayout.minimumTextHeight)) mm to hold the charts "
                                       + "and key facts: use a larger page or smaller margins")
            return nil
        }
        return PageLayout(name: name, title: title, description: description, largePrint: largePrint, content: content,
                          percentages: percentages, pageWidth: page.0, pageHeight: page.1, margins: sides, type: scale, colours: palette)
    }

    private func readPageSize(_ f: YAMLValue) -> (Double, Double)? {
        guard let m = f.mapping(allowed: ["size", "width", "height"]) else { return nil }
        if let size = m["size"] {
            guard let name = size.text() else { return nil }
            let known: [String: (Double, Double)] = ["a4": (PageLayout.mm(210), PageLayout.mm(297)), "letter": (612, 792)]
            if let wh = known[name] { return wh }
            size.error("unknown page size '\(name)'; use a4 or letter, or give width and height in mm")
            return nil
        }
        guard let w = m["width"], let h = m["height"] else { f.error("give either size or width and height (mm)"); return nil }
        guard let wv = w.number(in: 100...1000, unit: "mm"), let hv = h.number(in: 100...1000, unit: "mm") else { return nil }
        return (PageLayout.mm(wv), PageLayout.mm(hv))
    }

    private func readMargins(_ f: YAMLValue, min: Double) -> PageLayout.Margins? {
        let sides = ["top", "right", "bottom", "left"]
        guard let m = f.mapping(allowed: sides) else { return nil }
        let values = sides.map { side -> Double? in
            guard let v = m[side] else { f.error("missing field '\(side)'"); return nil }
            return v.number(in: min...80, unit: "mm").map(PageLayout.mm)
        }
        guard values.allSatisfy({ $0 != nil }) else { return nil }
        return PageLayout.Margins(top: values[0]!, right: values[1]!, bottom: values[2]!, left: values[3]!)
    }

    private func readTypeScale(_ f: YAMLValue, min: Double) -> PageLayout.TypeScale? {
        let keys = ["family", "body", "small", "title", "heading", "subheading", "lineSpacing"]
        guard let m = f.mapping(allowed: keys) else { return nil }
        func size(_ key: String, _ range: ClosedRange<Double>) -> Double? {
            guard let v = m[key] else { f.error("missing field '\(key)'"); return nil }
            return v.number(in: range, unit: "pt")
        }
        let family = m["family"]?.text() ?? { f.error("missing field 'family'"); return nil }()
        let body = size("body", min...(min == 18 ? 28 : 16))
        let small = size("small", min...72)
        let title = size("title", min...72)
        let heading = size("heading", min...72)
        let sub = size("subheading", min...72)
        let spacing = m["lineSpacing"].map { $0.number(in: 1.2...2.0, unit: "× type size") } ?? { f.error("missing field 'lineSpacing'"); return nil }()
        guard let family, let body, let small, let title, let heading, let sub, let spacing else { return nil }
        if !(title >= heading && heading >= sub && sub >= body) {
            f.error("sizes must step down: title ≥ heading ≥ subheading ≥ body")
            return nil
        }
        return PageLayout.TypeScale(family: family, body: body, small: small, title: title, heading: heading,
                                    subheading: sub, lineSpacing: spacing)
    }

    private func readColours(_ f: YAMLValue) -> PageLayout.Colours? {
        guard let m = f.mapping(allowed: ["text", "muted", "accent", "arms"]) else { return nil }
        func text(_ key: String) -> RGB? {
            guard let v = m[key] else { f.error("missing field '\(key)'"); return nil }
            return v.colour(minContrast: 4.5)   // WCAG 1.4.3 for text
        }
        let t = text("text"), mu = text("muted"), ac = text("accent")
        // Bars are graphics: WCAG 1.4.11 asks 3:1 against the paper.
        let arms = m["arms"].map { $0.sequence()?.map { $0.colour(minContrast: 3) } } ?? { f.error("missing field 'arms'"); return nil }()
        guard let t, let mu, let ac, let arms, arms.allSatisfy({ $0 != nil }) else { return nil }
        return PageLayout.Colours(text: t, muted: mu, accent: ac, arms: arms.map { $0! })
    }
}
