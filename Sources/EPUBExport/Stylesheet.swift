import Foundation

/// The publication's one stylesheet: small and e-ink friendly. Relative units only and no fixed widths, so
/// the reader's font, size and margins win; no colours the text depends on; no font embedding — the
/// reading system's own fonts are used, which keeps files small and respects the reader's choice
/// (the project ships no font whose licence and size would justify embedding).
enum Stylesheet {
    static let href = "style.css"

    static let css = """
    body { margin: 0 0.5em; line-height: 1.4; }
    h1 { font-size: 1.5em; line-height: 1.2; margin: 0.5em 0; }
    h2 { font-size: 1.25em; line-height: 1.25; margin: 1.5em 0 0.5em; page-break-after: avoid; break-after: avoid; }
    h3, h4 { font-size: 1.1em; margin: 1.2em 0 0.4em; page-break-after: avoid; break-after: avoid; }
    h4 { font-style: italic; }
    p { margin: 0.5em 0; }
    .kicker, .meta { font-size: 0.9em; }
    .lead { font-size: 1.1em; }
    dl { margin: 0.5em 0; }
    dt { font-weight: bold; margin-top: 0.5em; }
    dd { margin: 0 0 0 1.5em; }
    dfn { font-style: normal; }
    ul { padding-left: 1.5em; }
    li { margin: 0.3em 0; }
    a.term { text-decoration: underline dotted; }
    figure { margin: 1em 0; }
    figcaption { font-size: 0.95em; margin-top: 0.3em; }
    figcaption p, caption p { margin: 0; }
    blockquote { margin: 0 1em; font-style: italic; }
    figure.quote figcaption { margin-left: 1em; }
    svg.bar-chart { display: block; width: 100%; height: auto; max-width: 40em; }
    table { border-collapse: collapse; margin: 0.5em 0 1em; }
    caption { text-align: left; font-weight: bold; padding-bottom: 0.3em; }
    th, td { border: thin solid; padding: 0.2em 0.5em; text-align: left; vertical-align: top; }
    td.number { text-align: right; }
    .maturity { font-style: italic; }
    .disclaimer, .about { font-size: 0.95em; }
    nav ol { padding-left: 1.2em; }
    nav li { margin: 0.2em 0; }
    .title-page { text-align: center; margin-top: 3em; }
    """

    static var data: Data { Data(css.utf8) }
}
