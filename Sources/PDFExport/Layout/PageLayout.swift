/// One print layout (`layouts/<name>.yaml`): page, margins, type and colours. Everything the renderer
/// needs to know about the page lives here, so a new layout is a new data file, not new code.
public struct PageLayout: Sendable, Equatable {
    /// File name without `.yaml`: what `--layout` and `pdf.layouts` name.
    public var name: String
    public var title: String
    public var description: String
    public var largePrint: Bool
    /// What the handout holds: the whole content plan, or the two-page brief.
    public var content: Content = .full
    /// How percentage outcomes are drawn.
    public var percentages: PercentChart = .icons
    /// Page size in PDF points (1/72 inch).
    public var pageWidth: Double
    public var pageHeight: Double
    public var margins: Margins
    public var type: TypeScale
    public var colours: Colours

    public enum Content: String, Sendable, Equatable, CaseIterable {
        case full, brief
    }

    public enum PercentChart: String, Sendable, Equatable, CaseIterable {
        /// A 10 × 10 icon array per arm.
        case icons
        case bars
    }

    public struct Margins: Sendable, Equatable {
        public var top, right, bottom, left: Double   // points
    }

    public struct TypeScale: Sendable, Equatable {
        public var family: String
        public var body, small, title, heading, subheading: Double   // points
        /// Baseline-to-baseline distance as a multiple of the type size.
        public var lineSpacing: Double
    }

    public struct Colours: Sendable, Equatable {
        public var text, muted, accent: RGB
        /// Bar colours in arm order (Okabe-Ito); arms beyond the list reuse it from the start.
        public var arms: [RGB]
    }

    public var contentWidth: Double { pageWidth - margins.left - margins.right }

    /// The smallest text area (points) that holds a chart with its labels and the key-facts box: a smaller one
    /// would draw them clipped or outside the page.
    static let minimumTextWidth = mm(100)
    static let minimumTextHeight = mm(150)

    /// Millimetres to points.
    static func mm(_ v: Double) -> Double { v * 72 / 25.4 }
}

/// An sRGB colour with 0…1 components.
public struct RGB: Sendable, Equatable {
    public var r, g, b: Double

    /// `#RRGGBB`.
    public init?(hex: String) {
        guard hex.count == 7, hex.first == "#", let v = UInt32(hex.dropFirst(), radix: 16) else { return nil }
        r = Double((v >> 16) & 0xFF) / 255
        g = Double((v >> 8) & 0xFF) / 255
        b = Double(v & 0xFF) / 255
    }

    public init(_ r: Double, _ g: Double, _ b: Double) { self.r = r; self.g = g; self.b = b }

    /// WCAG 2.x relative luminance.
    public var luminance: Double {
        func lin(_ c: Double) -> Double { c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
        return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    }

    /// WCAG contrast ratio against another colour (1…21).
    public func contrast(with other: RGB) -> Double {
        let (a, b) = (luminance, other.luminance)
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    public static let white = RGB(1, 1, 1)
}

import Foundation
