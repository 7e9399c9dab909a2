import TrialModel
import XMLKit

/// A percentage outcome as icon arrays in inline SVG: per arm, 100 people in a 10 × 10 grid with the
/// affected ones filled (`ChartSeries.Bar.iconsFilled`), in the arm's colour and pattern as the bar charts
/// use, labelled directly with the group, its value and its natural frequency. `role="img"` named by its
/// `<title>` and `<desc>`, described by the data table that follows.
struct SVGIconArray {
    let chart: ChartSeries
    let scope: AnchorScope

    private let pad = 16.0
    private let fontSize = 16.0
    private let smallSize = 14.0
    private let lineHeight = 20.0
    private static let cellSize = 20.0, markRadius = 7.5
    private let cell = SVGIconArray.cellSize
    private let radius = SVGIconArray.markRadius
    private let columnGap = 40.0
    private let glyphWidth = 0.6

    func write(into parent: XMLBuilder.Element) {
        let grid = cell * Double(IconArray.side)
        let columns = max(1, min(chart.bars.count, 3))
        let width = max(640, pad * 2 + Double(columns) * grid + Double(columns - 1) * columnGap)
        let wrapAt = Int(grid / (glyphWidth * fontSize))

        let bars = SVGChart(chart: chart, scope: scope)
        let svg = bars.figure(in: parent, class: "icon-array", description: chart.iconAltText)

        var rowTop = pad
        for start in stride(from: 0, to: chart.bars.count, by: columns) {
            let row = chart.bars[start..<min(chart.bars.count, start + columns)]
            let labels = row.map { TextWrap.lines($0.label, width: wrapAt) }
            let labelLines = labels.map(\.count).max() ?? 1
            var bottom = rowTop
            for (c, bar) in row.enumerated() {
                let x = pad + Double(c) * (grid + columnGap)
                var y = rowTop
                for line in labels[c] {
                    y += lineHeight
                    svg.element("text", ["x": n(x), "y": n(y), "font-size": n(fontSize)], text: line)
                }
                y = rowTop + Double(labelLines) * lineHeight + 8
                // One path per kind of mark, a square (`M…h…v…h…z`) per person: 100 elements per arm would
                // make the document several times larger and slower to build.
                let group = svg.element("g", ["class": "marks", "stroke-width": "1", "transform": "translate(\(n(x)),\(n(y)))"])
                let filled = max(0, min(IconArray.total, bar.iconsFilled ?? 0))
                func squares(_ range: Range<Int>) -> String { Self.squares(range) }
                if filled > 0 {
                    group.element("path", ["class": "filled", "fill": bars.fill(bar.armIndex), "stroke": "#000000",
                                           "d": squares(0..<filled)])
                }
                if filled < IconArray.total {
                    group.element("path", ["class": "empty", "fill": "#FFFFFF", "stroke": "#767676",
                                           "d": squares(filled..<IconArray.total)])
                }
                y += grid + lineHeight
                svg.element("text", ["x": n(x), "y": n(y), "font-size": n(fontSize), "font-weight": "bold"], text: bar.valueText)
                if let f = bar.frequency {
                    for line in TextWrap.lines(f.peopleText(in: chart.words), width: wrapAt) {
                        y += lineHeight
                        svg.element("text", ["x": n(x), "y": n(y), "font-size": n(smallSize)], text: line)
                    }
                }
                bottom = max(bottom, y)
            }
            rowTop = bottom + lineHeight
        }
        var y = rowTop
        let wrapAll = Int((width - 2 * pad) / (glyphWidth * fontSize))
        svg.element("text", ["x": n(pad), "y": n(y), "font-size": n(smallSize)],
                    text: chart.words.text(.eachSquare, chart.iconBetterText))
        if let effect = chart.effectText {
            for line in TextWrap.lines(effect, width: wrapAll) {
                y += lineHeight
                svg.element("text", ["x": n(pad), "y": n(y), "font-size": n(fontSize)], text: line)
            }
        }
        svg.set("viewBox", "0 0 \(n(width)) \(n(y + pad))")
    }

    private func n(_ x: Double) -> String { NumberText.plain(x, decimals: 1) }

    /// The path data of marks `range`: a slice of all 100 squares' path, written once for every array, so an
    /// array costs two copies of bytes rather than joining a hundred strings per kind of mark.
    private static func squares(_ range: Range<Int>) -> String {
        let path = allSquares.path.utf8
        let offsets = allSquares.offsets
        return String(Substring(path[path.index(path.startIndex, offsetBy: offsets[range.lowerBound])
                                     ..< path.index(path.startIndex, offsetBy: offsets[range.upperBound])]))
    }

    /// Each mark's square in the grid's own coordinates (`M…h…v…h…z`), one after the other, and where each starts
    /// in the UTF-8 bytes (with the end as a 101st offset).
    private static let allSquares: (path: String, offsets: [Int]) = {
        let cell = cellSize, radius = markRadius
        let side = NumberText.plain(2 * radius, decimals: 1)
        var path = "", offsets: [Int] = []
        for i in 0..<IconArray.total {
            offsets.append(path.utf8.count)
            let left = NumberText.plain(cell * (Double(i % IconArray.side) + 0.5) - radius, decimals: 1)
            let top = NumberText.plain(cell * (Double(i / IconArray.side) + 0.5) - radius, decimals: 1)
            path += "M\(left),\(top)h\(side)v\(side)h-\(side)z"
        }
        offsets.append(path.utf8.count)
        return (path, offsets)
    }()
}
