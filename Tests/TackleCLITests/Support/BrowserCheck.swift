import Foundation

/// Renders a page in headless Chromium and checks it from the browser, as issue 10 asks: nothing wider than
/// the page at 1366 px nor on A4 landscape, every CJK character drawn by a font, every chart drawn with its
/// points, no network request, the PDF on A4 landscape and, for a monthly sheet, its posting part on page 1.
///
/// Two browser runs, three with a screenshot: the probe at 1366 px, printing the PDF in the same run; then
/// the probe at the printed page's width with its print styles, alongside, when asked for, the screenshot at
/// 1366 px by the page's full height.
enum BrowserCheck {
    /// The window width the pages are made for.
    static let screenWidth = 1366
    /// A4 landscape's width in CSS px (297 mm at 96 px to the inch).
    static let a4LandscapeWidth = 297 / 25.4 * 96
    /// The side margin when a page's `@page` rule sets none: 10 mm.
    static let defaultMargin = 10 / 25.4 * 96
    /// A4 landscape in PostScript points, as Chromium writes it, and how far a page may be from it.
    static let a4LandscapePoints = (width: 841.92, height: 594.96, tolerance: 1.0)

    /// What the checks saw and found.
    struct Report: Sendable {
        var page: String
        /// What is wrong, by check; empty when the page passes.
        var problems: [BrowserProblem]
        /// The probe at 1366 px, and at the printed page's width with the print styles.
        var screen: ProbeResult
        var print: ProbeResult
        /// The width the page was measured at for print, in CSS px.
        var printWidth: Int
        /// The PDF as read back: the page printed with the probe, whose report is hidden, and `PrintedPDF`'s
        /// markers, 2 px of white text out of the flow (the file is gone with the scratch directory).
        var pdf: PrintedPDF
        /// Where the screenshot is, when one was asked for.
        var screenshot: URL?
        /// How long the checks took, in seconds.
        var seconds: Double

        /// The checks that found something.
        var failedChecks: Set<BrowserProblem.Check> { Set(problems.map(\.check)) }
    }

    /// Runs the checks on `page`.
    ///
    /// - Parameters:
    ///   - page: the page and what it should show.
    ///   - screenshot: where to write a PNG of the whole page at 1366 px; `nil` for none.
    ///   - browser: the browser.
    /// - Returns: the report; its `problems` say what is wrong.
    /// - Throws: when a browser or poppler run fails, or the probe does not report: then nothing was checked.
    ///
    /// The work waits on processes, on threads of its own, so that the checks of many pages run together
    /// (`Browser.concurrentRuns` browsers at a time) without holding the tasks of the tests.
    static func run(_ page: BrowserPage, screenshot: URL? = nil, browser: Browser) async throws -> Report {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try check(page, screenshot: screenshot, browser: browser) })
            }
        }
    }

    private static func check(_ page: BrowserPage, screenshot: URL?, browser: Browser) throws -> Report {
        let started = Date()
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("tackle-browser-\(page.name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let pdfFile = directory.appendingPathComponent("\(page.name).pdf")
        let screen = try BrowserProbe.run(
            html: page.html, width: screenWidth, printingTo: pdfFile, browser: browser, in: directory)
        let pdf = try PrintedPDF(reading: pdfFile)
        let margins = (screen.page?.marginLeft ?? defaultMargin) + (screen.page?.marginRight ?? defaultMargin)
        let printWidth = Int((a4LandscapeWidth - margins).rounded(.down))
        let (print, shot) = try concurrently(
            {
                try BrowserProbe.run(html: page.html, width: printWidth, media: .print, browser: browser, in: directory)
            },
            { () throws -> Browser.Run? in
                guard let screenshot else { return nil }
                let original = directory.appendingPathComponent("\(page.name).html")
                try Data(page.html.utf8).write(to: original)
                let height = min(max(Int(screen.scrollHeight.rounded(.up)), 100), 16_384)
                return try browser.screenshot(
                    of: original, width: screenWidth, height: height, to: screenshot, in: directory)
            })

        var problems = overflowProblems(screen) + overflowProblems(print)
        problems += glyphProblems([screen, print])
        problems += chartProblems(screen, expected: page.chartPoints)
        let requests = screen.resources + screen.requests + print.resources + print.requests + (shot?.requests ?? [])
        problems += unique(requests).map { BrowserProblem(check: .network, message: "the page asked for \($0)") }
        problems += printingProblems(pdf, postingOnOnePage: page.postingOnOnePage)
        return Report(
            page: page.name, problems: problems, screen: screen, print: print, printWidth: printWidth, pdf: pdf,
            screenshot: screenshot, seconds: Date().timeIntervalSince(started))
    }

    private static func overflowProblems(_ probe: ProbeResult) -> [BrowserProblem] {
        let width = Int(probe.width)
        let at = probe.mode == "print" ? "printed on A4 landscape (\(width) px)" : "at \(width) px"
        var problems: [BrowserProblem] = []
        if probe.scrollWidth > probe.width {
            problems.append(
                BrowserProblem(
                    check: .overflow, message: "\(at): the page is \(Int(probe.scrollWidth)) px wide"))
        }
        problems += probe.overflow.map { BrowserProblem(check: .overflow, message: "\(at): \($0)") }
        return problems
    }

    private static func glyphProblems(_ probes: [ProbeResult]) -> [BrowserProblem] {
        // The two probes draw the same characters in the same fonts, unless the print styles change a font.
        var seen: Set<String> = []
        return probes.flatMap(\.glyphs.tofu).filter { seen.insert("\($0.codePoint) \($0.font)").inserted }.map {
            BrowserProblem(check: .glyphs, message: "no font draws \($0)")
        }
    }

    private static func chartProblems(_ probe: ProbeResult, expected: [String: [Int]]) -> [BrowserProblem] {
        var problems: [BrowserProblem] = []
        var drawn: [String: [Int]] = [:]
        for chart in probe.charts {
            let name = "chart '\(chart.kind)'"
            drawn[chart.kind, default: []].append(chart.points)
            if chart.width <= 0 || chart.height <= 0 {
                problems.append(
                    BrowserProblem(check: .charts, message: "\(name) is \(chart.width) by \(chart.height) px"))
            }
            if chart.contentWidth <= 0 || chart.contentHeight <= 0 {
                problems.append(BrowserProblem(check: .charts, message: "\(name) draws nothing"))
            }
            if chart.declaredPoints != chart.points {
                let declared = chart.declaredPoints.map(String.init) ?? "no data-points"
                problems.append(
                    BrowserProblem(check: .charts, message: "\(name) says \(declared) but draws \(chart.points) points")
                )
            }
            if chart.pointsOutside > 0 {
                problems.append(
                    BrowserProblem(
                        check: .charts, message: "\(name) draws \(chart.pointsOutside) points outside its box"))
            }
        }
        for kind in Set(drawn.keys).union(expected.keys).sorted() where drawn[kind] != expected[kind] {
            let want = expected[kind].map { "\($0)" } ?? "no such chart"
            let have = drawn[kind].map { "\($0)" } ?? "none"
            problems.append(
                BrowserProblem(
                    check: .charts, message: "chart '\(kind)': expected points \(want), drawn \(have)"))
        }
        return problems
    }

    private static func printingProblems(_ pdf: PrintedPDF, postingOnOnePage: Bool) -> [BrowserProblem] {
        var problems: [BrowserProblem] = []
        let a4 = a4LandscapePoints
        for (number, size) in pdf.pageSizes.enumerated()
        where abs(size.width - a4.width) > a4.tolerance || abs(size.height - a4.height) > a4.tolerance {
            problems.append(
                BrowserProblem(
                    check: .printing,
                    message: "page \(number + 1) is \(size.width) x \(size.height) pt, not A4 landscape"))
        }
        guard postingOnOnePage else { return problems }
        let start = pdf.pages(with: PrintedPDF.Marker.postingStart)
        let end = pdf.pages(with: PrintedPDF.Marker.postingEnd)
        let detail = pdf.pages(with: PrintedPDF.Marker.detailStart)
        if start.isEmpty {
            problems.append(BrowserProblem(check: .printing, message: "the page has no section.posting with text"))
        } else if start != [1] || end != [1] {
            problems.append(
                BrowserProblem(
                    check: .printing,
                    message: "the posting part runs from page \(start[0]) to "
                        + (end.last.map { "page \($0)" } ?? "no page (its end has no text)")
                        + " of \(pdf.pageTexts.count), not on page 1 alone"))
        }
        if detail != [2] {
            let found = detail.first.map { "on page \($0)" } ?? "nowhere (no section.detail with text)"
            problems.append(
                BrowserProblem(check: .printing, message: "the first section.detail starts \(found), not on page 2"))
        }
        return problems
    }

    /// `items` without repeats, in their first order.
    private static func unique(_ items: [String]) -> [String] {
        var seen: Set<String> = []
        return items.filter { seen.insert($0).inserted }
    }

    /// Runs `first` here and `second` on another thread, and returns both results once both are done.
    private static func concurrently<A: Sendable, B: Sendable>(
        _ first: () throws -> A, _ second: @escaping @Sendable () throws -> B
    ) throws -> (A, B) {
        nonisolated(unsafe) var other: Result<B, any Error>?
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { other = Result { try second() } }
        let mine = Result { try first() }
        group.wait()
        return (try mine.get(), try other!.get())
    }
}
