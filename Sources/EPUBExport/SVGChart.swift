import TrialModel
import XMLKit

/// A horizontal bar chart of one outcome as inline SVG, drawn from the model's `ChartSeries`:
/// one bar per arm starting at zero, each labelled directly with its group and its value with unit,
/// an axis from 0 to the series maximum, which way is better, and the effect line.
///
/// Every label is real `<text>`, the `<svg>` is `role="img"` named by its `<title>` and `<desc>` and
/// described by the data table that follows it. Colours are the Okabe-Ito palette (as in the PDF); each
/// arm also gets its own fill pattern, so groups stay apart in greyscale on e-ink, and every bar carries its
/// group's name, so colour never carries meaning alone.
struct SVGChart {
    let chart: ChartSeries
    let scope: AnchorScope

    /// Okabe-Ito blue, vermillion, bluish green, reddish purple.
    static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7"]

    // Layout in user units; the SVG scales to the reading system's column width (CSS `width: 100%`).
    private let pad = 16.0
    private let fontSize = 16.0
    private let smallSize = 14.0
    private let lineHeight = 20.0
    private let barHeight = 28.0
    private let barMax = 420.0
    /// A generous average glyph width for sans-serif text, in ems, to size the canvas and wrap labels.
    private let glyphWidth = 0.6

    func write(into parent: XMLBuilder.Element) {
        let valueWidth = chart.bars.map { Double($0.valueText.count) * glyphWidth * fontSize }.max() ?? 0
        let width = max(640, pad + barMax + 8 + valueWidth + pad)
        let wrapAt = Int((width - 2 * pad) / (glyphWidth * fontSize))

        let svg = figure(in: parent, class: "bar-chart", description: chart.altText)

        var y = pad
        for bar in chart.bars {
            for line in TextWrap.lines(bar.label, width: wrapAt) {
                y += lineHeight
                svg.element("text", ["x": n(pad), "y": n(y), "font-size": n(fontSize)], text: line)
            }
            y += 6
            let length = max(1, bar.fraction * barMax)
            svg.element("rect", ["x": n(pad), "y": n(y), "width": n(length), "height": n(barHeight),
                                 "fill": fill(bar.armIndex), "stroke": "#000000", "stroke-width": "1"])
            svg.element("text", ["x": n(pad + length + 8), "y": n(y + barHeight / 2 + fontSize * 0.35),
                                 "font-size": n(fontSize), "font-weight": "bold"], text: bar.valueText)
            y += barHeight + 12
        }
        y = writeAxis(svg, top: y)
        y += lineHeight
        svg.element("text", ["x": n(pad), "y": n(y), "font-size": n(smallSize)], text: chart.betterText)
        if let effect = chart.effectText {
            for line in TextWrap.lines(effect, width: wrapAt) {
                y += lineHeight
                svg.element("text", ["x": n(pad), "y": n(y), "font-size": n(fontSize)], text: line)
            }
        }
        svg.set("viewBox", "0 0 \(n(width)) \(n(y + pad))")
    }

    /// Axis line from 0 to the maximum, the model's ticks, and the unit. Returns the new y.
    private func writeAxis(_ svg: XMLBuilder.Element, top: Double) -> Double {
        let y = top
        svg.element("line", ["x1": n(pad), "y1": n(y), "x2": n(pad + barMax), "y2": n(y),
                             "stroke": "#000000", "stroke-width": "1"])
        let ticks = chart.ticks()
        for (i, value) in ticks.enumerated() {
            let x = pad + value / chart.axisMax * barMax
            let anchor = i == 0 ? "start" : i == ticks.count - 1 ? "end" : "middle"
            svg.element("line", ["x1": n(x), "y1": n(y), "x2": n(x), "y2": n(y + 6), "stroke": "#000000", "stroke-width": "1"])
            svg.element("text", ["x": n(x), "y": n(y + 6 + smallSize), "font-size": n(smallSize), "text-anchor": anchor],
                        text: chart.tickLabel(value))
        }
        svg.element("text", ["x": n(pad), "y": n(y + 6 + smallSize * 2 + 4), "font-size": n(smallSize)],
                    text: chart.unitTitle + chart.words[.axisStartsAtZero])
        return y + 6 + smallSize * 2 + 4
    }

    /// Arm 0 solid; arm 1 stripes; arm 2 dots; arm 3 cross-hatch (then the cycle repeats).
    /// The `<svg role="img">` every chart figure opens with: named by its title and text alternative, described by
    /// the data table after it, with the arms' fill patterns defined.
    func figure(in parent: XMLBuilder.Element, class cssClass: String, description: String) -> XMLBuilder.Element {
        let id = chart.outcomeID
        let svg = parent.element("svg")
        svg.moveToDefaultNamespace(XMLNamespace.svg)
        svg.set("class", cssClass)
        svg.set("role", "img")
        svg.set("aria-labelledby", "\(scope.chartTitle(id)) \(scope.chartDescription(id))")
        svg.set("aria-describedby", scope.chartTable(id))
        svg.set("font-family", "sans-serif")
        svg.element("title", ["id": scope.chartTitle(id)], text: chart.title)
        svg.element("desc", ["id": scope.chartDescription(id)], text: description)
        writePatterns(svg)
        return svg
    }

    func writePatterns(_ svg: XMLBuilder.Element) {
        let used = Set(chart.bars.map { $0.armIndex % 4 }).filter { $0 != 0 }.sorted()
        guard !used.isEmpty else { return }
        let defs = svg.element("defs")
        for style in used {
            let colour = Self.palette[style]
            let p = defs.element("pattern", ["id": scope.chartPattern(chart.outcomeID, arm: style),
                                             "width": "8", "height": "8", "patternUnits": "userSpaceOnUse"])
            p.element("rect", ["width": "8", "height": "8", "fill": colour])
            switch style {
            case 1: p.element("path", ["d": "M-2,2 L2,-2 M0,8 L8,0 M6,10 L10,6", "stroke": "#FFFFFF", "stroke-width": "2"])
            case 2: p.element("circle", ["cx": "4", "cy": "4", "r": "1.8", "fill": "#FFFFFF"])
            default: p.element("path", ["d": "M0,4 L8,4 M4,0 L4,8", "stroke": "#FFFFFF", "stroke-width": "1.5"])
            }
        }
    }

    func fill(_ armIndex: Int) -> String {
        let style = armIndex % 4
        return style == 0 ? Self.palette[0] : "url(#\(scope.chartPattern(chart.outcomeID, arm: style)))"
    }

    /// Coordinates with at most one decimal, never in exponent form, so output is stable and compact.
    private func n(_ x: Double) -> String { NumberText.plain(x, decimals: 1) }
}
