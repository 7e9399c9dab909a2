/// How a kind of text is set: font, colour and vertical rhythm. Built from a `PageLayout`, so every
/// size and colour comes from the layout file.
struct TextStyle {
    var font: FontSpec
    var colour: RGB
    /// Baseline-to-baseline distance in points.
    var pitch: Double
    /// Space above the block, dropped at the top of a page.
    var spaceBefore: Double

    init(font: FontSpec, colour: RGB, lineSpacing: Double, spaceBefore: Double) {
        self.font = font
        self.colour = colour
        self.pitch = (font.size * lineSpacing).rounded(toPlaces: 2)
        self.spaceBefore = spaceBefore
    }
}

/// The handout's styles for one layout.
struct StyleSheet {
    let layout: PageLayout
    let body, lead, title, heading, subheading, small, smallBold, footer, quote, attribution, label: TextStyle

    /// With `fonts` holding script fonts (Arabic, Chinese…), no text is set tighter than
    /// `scriptLineSpacing`: Arabic stacks marks above and below its letters, and Chinese is read more easily
    /// with more space between lines (W3C's clreq suggests 1.5 to 2); it also keeps the taller fonts' boxes
    /// inside the line, and so inside the margins.
    init(_ l: PageLayout, fonts: FontSetup? = nil) {
        layout = l
        let t = l.type, c = l.colours
        func font(_ size: Double, bold: Bool = false) -> FontSpec { FontSpec(family: t.family, size: size, bold: bold) }
        let minimum = fonts.map { $0.scripts.isEmpty ? 0 : StyleSheet.scriptLineSpacing } ?? 0
        func TextStyle(font: FontSpec, colour: RGB, lineSpacing: Double, spaceBefore: Double) -> PDFExport.TextStyle {
            PDFExport.TextStyle(font: font, colour: colour, lineSpacing: max(lineSpacing, minimum), spaceBefore: spaceBefore)
        }
        // Paragraph spacing: a little more than half a line keeps paragraphs apart without gaps (RNIB).
        let para = t.body * 0.7
        body = TextStyle(font: font(t.body), colour: c.text, lineSpacing: t.lineSpacing, spaceBefore: para)
        lead = TextStyle(font: font((t.body * 1.14).rounded()), colour: c.text, lineSpacing: t.lineSpacing, spaceBefore: para)
        // Headings are set tighter than text; more space above than below ties them to what follows.
        title = TextStyle(font: font(t.title, bold: true), colour: c.accent, lineSpacing: 1.2, spaceBefore: 0)
        heading = TextStyle(font: font(t.heading, bold: true), colour: c.accent, lineSpacing: 1.25, spaceBefore: t.body * 1.6)
        subheading = TextStyle(font: font(t.subheading, bold: true), colour: c.text, lineSpacing: 1.3, spaceBefore: t.body * 1.1)
        small = TextStyle(font: font(t.small), colour: c.muted, lineSpacing: min(t.lineSpacing, 1.4), spaceBefore: t.small * 0.5)
        smallBold = TextStyle(font: font(t.small, bold: true), colour: c.text, lineSpacing: min(t.lineSpacing, 1.4), spaceBefore: t.small * 0.5)
        footer = TextStyle(font: font(t.small), colour: c.muted, lineSpacing: 1.2, spaceBefore: 0)
        quote = TextStyle(font: font(t.body), colour: c.text, lineSpacing: t.lineSpacing, spaceBefore: para)
        attribution = TextStyle(font: font(t.body, bold: true), colour: c.muted, lineSpacing: t.lineSpacing, spaceBefore: para * 0.5)
        label = TextStyle(font: font(t.body, bold: true), colour: c.text, lineSpacing: t.lineSpacing, spaceBefore: para)
    }

    /// Noto Sans CJK's ascent plus descent is 1.448 em.
    static let scriptLineSpacing = 1.45

    /// Space between stacked blocks in a box or chart, in points.
    var gap: Double { layout.type.body * 0.6 }
}

extension Double {
    func rounded(toPlaces n: Int) -> Double {
        var m = 1.0
        for _ in 0..<n { m *= 10 }
        return (self * m).rounded() / m
    }
}
