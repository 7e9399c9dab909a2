import ExportKit
import Foundation
import TrialModel

/// What the PDF/UA-1 finishing adds to a handout, for `make bench` (bench/pdfua-bench): cairo's drawing and
/// the finisher timed apart, on the same summaries, fonts loaded once as in a batch worker.
public enum FinisherBenchmark {
    public struct Figures: Sendable {
        public var layout: String
        public var handouts: Int
        public var drawMilliseconds: Double
        public var finishMilliseconds: Double
    }

    public static func measure(_ items: [LoadedSummary], context: ExportContext, layouts: [String]) throws -> [Figures] {
        let fonts = try FontSetup(fontsFolder: context.fontsFolder)
        var out: [Figures] = []
        for name in layouts {
            let layout = try PDFLayouts.load(name, layoutsFolder: context.layoutsFolder)
            let renderer = HandoutRenderer(layout: layout, settings: context.settings, toolVersion: context.toolVersion, fonts: fonts)
            _ = try renderer.render(items[0])   // warm-up: glyph caches
            var drawn: [(Data, PDFUAFinisher)] = []
            let drawStart = ContinuousClock.now
            for item in items {
                let d = try renderer.draw(item)
                drawn.append((d.result.pdf, d.finisher))
            }
            let drawTime = ContinuousClock.now - drawStart
            let finishStart = ContinuousClock.now
            for (pdf, finisher) in drawn { _ = try finisher.finish(pdf) }
            let finishTime = ContinuousClock.now - finishStart
            func ms(_ d: Duration) -> Double {
                (Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15) / Double(items.count)
            }
            out.append(Figures(layout: name, handouts: items.count, drawMilliseconds: ms(drawTime), finishMilliseconds: ms(finishTime)))
        }
        return out
    }
}
