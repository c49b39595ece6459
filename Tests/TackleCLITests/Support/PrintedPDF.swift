import Foundation

/// A page as Chromium prints it, read back with poppler's `pdfinfo` and `pdftotext`.
///
/// The copy that `BrowserProbe.run(html:width:media:printingTo:browser:in:)` prints carries three markers,
/// so that where the monthly sheet's parts fall is read from the PDF and not guessed from the page's text
/// (which repeats names across parts): a short run of text drawn 2 px high in white, out of the flow
/// (`position: absolute` at its place in the text), before the first text of `section.posting`, after the
/// last text of `[data-posting-end]` (else of `section.posting`), and before the first text of the first
/// `section.detail`. Being out of the flow, they move nothing.
struct PrintedPDF: Sendable {
    /// The text of the markers.
    enum Marker {
        static let postingStart = "TACKLEMARKPOSTINGSTART"
        static let postingEnd = "TACKLEMARKPOSTINGEND"
        static let detailStart = "TACKLEMARKDETAILSTART"
    }

    /// The PDF file.
    let url: URL
    /// Each page's width and height in PostScript points (A4 landscape: 841.92 by 594.96).
    let pageSizes: [(width: Double, height: Double)]
    /// Each page's text, as `pdftotext` reads it.
    let pageTexts: [String]

    /// Reads the PDF at `url` with `pdfinfo` and `pdftotext`.
    init(reading url: URL) throws {
        self.url = url
        let pdfinfo = try ExternalTool.find("pdfinfo", package: "poppler-utils")
        let info = try pdfinfo.succeed(["-f", "1", "-l", "9999", url.path])
        pageSizes = try info.text.split(separator: "\n").compactMap { line -> (width: Double, height: Double)? in
            // "Page    1 size:  841.92 x 594.96 pts (A4)"
            guard line.hasPrefix("Page "), line.contains(" size:") else { return nil }
            let words = line.split(separator: " ")
            guard let x = words.firstIndex(of: "x"), x > 0, x + 1 < words.count,
                let width = Double(words[x - 1]), let height = Double(words[x + 1])
            else { throw ExternalTool.Failure(description: "pdfinfo wrote a page size as '\(line)'") }
            return (width, height)
        }
        let text = try ExternalTool.find("pdftotext", package: "poppler-utils").succeed([url.path, "-"]).text
        // pdftotext ends every page with a form feed.
        var pages = text.split(separator: "\u{0C}", omittingEmptySubsequences: false).map(String.init)
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        pageTexts = pages
    }

    /// The 1-based numbers of the pages whose text has `marker`.
    func pages(with marker: String) -> [Int] {
        pageTexts.indices.filter { pageTexts[$0].contains(marker) }.map { $0 + 1 }
    }

    /// Puts the markers into the page as it loads; text in SVG is left alone (HTML there is not drawn).
    /// It must run before the probe, which passes over `.tackle-marker`.
    static let markerScript = #"""
        (() => {
          const mark = (element, text, atEnd) => {
            if (!element) return;
            const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT, {
              acceptNode: (n) => n.data.trim() && !n.parentElement.closest('svg, style, script')
                ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP });
            let node = walker.nextNode();
            if (atEnd) for (let next = node; next; next = walker.nextNode()) node = next;
            if (!node) return;
            const span = document.createElement('span');
            span.className = 'tackle-marker';
            span.textContent = text;
            span.style.cssText = 'position:absolute;font-size:2px;color:#fff;white-space:nowrap';
            // After the text node even for a start marker: on the same line as the text, never above
            // it, where a heading at the top of a page would put it in the margin (not printed).
            node.parentNode.insertBefore(span, node.nextSibling);
          };
          const posting = document.querySelector('section.posting');
          mark(posting, '\#(Marker.postingStart)', false);
          mark(document.querySelector('[data-posting-end]') || posting, '\#(Marker.postingEnd)', true);
          mark(document.querySelector('section.detail'), '\#(Marker.detailStart)', false);
        })();
        """#
}
