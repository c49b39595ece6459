import TackleReport

/// The frame every page of the board shares: one self-contained HTML document.
///
/// The page carries its style sheet inline and its charts as inline SVG; it loads nothing, runs no
/// script and names no URL of any kind, and its Content-Security-Policy says so to the browser
/// (`default-src 'none'`), so a sheet opened from a file share or a mail shows the same as on the
/// board. Fonts are local ones only: the stack names the CJK fonts a plant's PCs have, then
/// `sans-serif`. Printing gives A4 landscape pages with 10 mm margins.
enum BoardDocument {
    /// Writes a whole page.
    ///
    /// - Parameters:
    ///   - title: The document's title (the browser tab, the printed header).
    ///   - language: The page's language, for `<html lang>`.
    ///   - capacity: The bytes to reserve for the page.
    ///   - body: Writes the content of `<body>`.
    /// - Returns: The page, ending with a newline.
    static func render(
        title: String, language: Language, capacity: Int = 16_384, body: (inout HTML) -> Void
    ) -> String {
        var html = HTML(reservingCapacity: capacity + style.utf8CodeUnitCount + 1_024)
        html.raw("<!doctype html>\n")
        html.open("html", ["lang": language == .zh ? "zh-Hans" : "en"])
        html.open("head")
        html.empty("meta", ["charset": "utf-8"])
        // Written out rather than through the attribute escaping, so the policy reads as browsers document it.
        html.raw(policy)
        html.empty("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
        html.element("title", text: title)
        html.open("style")
        html.raw(style)
        html.close("style")
        html.close("head")
        html.raw("\n")
        html.open("body")
        body(&html)
        html.close("body")
        html.close("html")
        html.raw("\n")
        return html.markup
    }

    /// Nothing but the page's own style sheet and `data:` images may load; no script runs.
    static let policy: StaticString = """
        <meta http-equiv="Content-Security-Policy" \
        content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
        """

    /// The one style sheet: readable in black and white, judgements told by words and borders,
    /// never by colour alone.
    static let style: StaticString = """

        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", \
        "PingFang SC", sans-serif; font-size: 10pt; line-height: 1.35; color: #111; background: #fff; margin: 12px; }
        h1 { font-size: 15pt; margin: 0 0 4px; }
        h2 { font-size: 12pt; margin: 10px 0 4px; }
        h3 { font-size: 10.5pt; margin: 8px 0 3px; }
        p { margin: 2px 0 4px; }
        .meta { color: #333; font-size: 9pt; }
        .note { color: #333; font-size: 8.5pt; }
        table { border-collapse: collapse; margin: 4px 0 8px; font-size: 9pt; }
        caption { text-align: left; font-weight: bold; padding: 2px 0; }
        th, td { border: 1px solid #777; padding: 1px 5px; vertical-align: middle; text-align: left; }
        thead th { background: #e8e8e8; }
        th[scope="row"] { font-weight: normal; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .key { white-space: nowrap; font-weight: bold; }
        .judgement { display: inline-block; padding: 0 4px; white-space: nowrap; }
        .j-on-track { border: 1px solid #333; }
        .j-at-risk { border: 2px dashed #333; }
        .j-off-track { border: 3px double #000; font-weight: bold; }
        .j-not-ranked { border: 1px dotted #555; }
        .j-closed { border: 1px solid transparent; color: #444; }
        .verdict { display: inline-block; padding: 0 4px; white-space: nowrap; }
        .v-better { border: 2px solid #000; font-weight: bold; }
        .v-no-detectable-change { border: 1px dotted #555; }
        .v-worse { border: 3px double #000; font-weight: bold; }
        .m-overdue { border: 3px double #000; font-weight: bold; padding: 0 3px; }
        .m-done-late { border: 2px dashed #333; padding: 0 3px; }
        .m-done-on-time { border: 1px solid #333; padding: 0 3px; }
        .m-open { border: 1px dotted #555; padding: 0 3px; }
        .called { font-weight: bold; }
        .best { border: 2px solid #000; padding: 4px 8px; display: inline-block; margin: 2px 0 6px; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 1px 12px; margin: 4px 0 8px; }
        dl.facts dt { font-weight: bold; }
        dl.facts dd { margin: 0; }
        ol.timeline { list-style: none; padding: 0; margin: 4px 0 8px; border-left: 2px solid #333; }
        ol.timeline li { margin: 0 0 4px 0; padding-left: 10px; position: relative; }
        ol.timeline li::before { content: ""; position: absolute; left: -6px; top: 0.45em; width: 8px; height: 8px; \
        border: 2px solid #000; background: #fff; border-radius: 50%; }
        ol.timeline li.m-done-on-time::before, ol.timeline li.m-done-late::before { background: #000; }
        ol.timeline li { border: none; font-weight: normal; }
        svg.chart { display: block; max-width: 100%; height: auto; margin: 4px 0; }
        svg.chart text { font-family: inherit; }
        svg[data-chart="sparkline"] { display: inline-block; vertical-align: middle; margin: 0; }
        .legend { font-size: 8.5pt; color: #333; }
        .detail { break-before: page; }
        @media screen { .detail { border-top: 2px solid #444; margin-top: 18px; padding-top: 6px; } }
        @page { size: A4 landscape; margin: 10mm; }
        .columns { display: grid; grid-template-columns: 1fr 1fr; gap: 0 18px; align-items: start; }
        .columns ul, .columns ol { margin: 2px 0; padding-left: 18px; }
        @media print {
          body { margin: 0; font-size: 8.5pt; }
          .posting { font-size: 7.5pt; line-height: 1.25; }
          .posting h1 { font-size: 12pt; margin: 0 0 2px; }
          .posting h2 { font-size: 9pt; margin: 4px 0 2px; }
          .posting p { margin: 1px 0 2px; }
          .posting table { font-size: 7.5pt; margin: 2px 0 4px; }
          .posting th, .posting td { padding: 0 3px; }
          .posting .best { padding: 1px 6px; margin: 0 0 2px; }
          .posting svg[data-chart="sparkline"] { height: 13px; width: auto; }
          tr, svg.chart, ol.timeline li { break-inside: avoid; }
        }

        """
}
