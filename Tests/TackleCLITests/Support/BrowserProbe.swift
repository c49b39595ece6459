import Foundation

/// Measures a page from inside the browser: a copy of the page with a probe script, loaded in headless
/// Chromium, whose findings come back in the dumped DOM.
///
/// tackle's pages have no script of their own and forbid one (a `Content-Security-Policy` meta); the copy
/// drops that meta and adds the probe before `</body>`. The probe waits for the page's fonts, measures, and
/// appends `<pre id="tackle-probe">` holding its JSON in base64, which survives the DOM's serialisation as is.
enum BrowserProbe {
    /// Which of the page's styles apply while the probe measures.
    enum Media: String, Sendable {
        /// As a browser window shows it.
        case screen
        /// As it prints: the probe turns the page's `print` media rules on and its `screen` ones off first.
        case print
    }

    /// Loads `html` at `width` CSS px in Chromium and returns what the probe measured.
    ///
    /// - Parameters:
    ///   - html: the page, as tackle writes it.
    ///   - width: the window's width; for print, the width of the printed page's content.
    ///   - media: the styles to measure with.
    ///   - pdf: where the same run prints the page, with `PrintedPDF`'s markers, or `nil` not to print.
    ///   - browser: the browser to run.
    ///   - directory: where the copy and the browser's scratch files go.
    /// - Returns: the probe's findings, with the network requests from the browser's net log.
    /// - Throws: when the browser fails, or the probe reports an error or nothing.
    static func run(
        html: String, width: Int, media: Media = .screen, printingTo pdf: URL? = nil, browser: Browser,
        in directory: URL
    ) throws -> ProbeResult {
        let copy = directory.appendingPathComponent("probe-\(media.rawValue)-\(width)-\(UUID().uuidString).html")
        let script = PrintedPDF.markerScript + "\nwindow.tackleProbeMode = '\(media.rawValue)';\n" + probeScript
        try Data(instrument(html, script: script).utf8).write(to: copy)
        let run = try browser.dumpDOM(of: copy, width: width, height: 900, printingTo: pdf, in: directory)
        var result = try decode(dom: run.outcome.text)
        result.requests = run.requests
        return result
    }

    /// `html` without its `Content-Security-Policy` meta and with `script` run at the end of its body.
    static func instrument(_ html: String, script: String) -> String {
        let policy = try! NSRegularExpression(
            pattern: #"<meta\b[^>]*http-equiv\s*=\s*["']?content-security-policy["']?[^>]*>"#,
            options: [.caseInsensitive])
        let open = NSMutableString(string: html)
        _ = policy.replaceMatches(in: open, range: NSRange(location: 0, length: open.length), withTemplate: "")
        let page = open as String
        let tag = "<script>\n\(script)\n</script>\n"
        guard let end = page.range(of: "</body>", options: [.caseInsensitive, .backwards]) else { return page + tag }
        return page.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: tag)
    }

    /// The probe's findings in the DOM Chromium dumped.
    private static func decode(dom: String) throws -> ProbeResult {
        // <pre id="tackle-probe" hidden="">
        guard let element = dom.range(of: #"<pre id="tackle-probe""#),
            let opening = dom.range(of: ">", range: element.upperBound..<dom.endIndex),
            let closing = dom.range(of: "</pre>", range: opening.upperBound..<dom.endIndex),
            let json = Data(base64Encoded: String(dom[opening.upperBound..<closing.lowerBound]))
        else {
            throw ExternalTool.Failure(
                description: "the probe did not report; the page's DOM as Chromium left it:\n\(dom.prefix(2000))")
        }
        struct Failed: Decodable { var error: String? }
        if let error = try JSONDecoder().decode(Failed.self, from: json).error {
            throw ExternalTool.Failure(description: "the probe failed in the page: \(error)")
        }
        return try JSONDecoder().decode(ProbeResult.self, from: json)
    }
}
