import Foundation
import Testing

/// The HTML pages checked in a real browser (issue 10): headless Chromium renders a page at 1366 px and
/// prints it on A4 landscape, and what it drew is checked (see `BrowserCheck`), not the HTML text.
///
/// The pages here are fixtures shaped like tackle's monthly sheet: one that passes every check, and for
/// every check a page that breaks it, to show that the check can fail and names what is wrong. A page of
/// the demo goes through the same `BrowserCheck.run`; only where its HTML comes from changes.
@Suite("browser checks")
struct BrowserCheckTests {
    /// A page shaped like the monthly sheet: the posting part (a heading and a table of projects) and one
    /// detail section, printed from page 2, with a chart of `points` points (`declared` in `data-points`).
    static func sheet(
        style: String = "", rows: Int = 3, posting: String = "", points: Int = 3, declared: Int? = nil
    ) -> String {
        let names = ["板坯纵裂攻关", "转炉终点碳控制", "连铸中间包寿命提升", "热轧带钢边裂治理", "铁水脱硫剂单耗降低"]
        let table = (0..<rows).map { row in
            "<tr><td>\(names[row % names.count])</td><td>张伟</td><td>进行中</td><td>第\(row + 1)批试验完成，纵裂率下降</td></tr>"
        }
        let marks = (0..<points).map { point in
            #"<circle class="point" cx="\#(40 + point * 160)" cy="\#(120 - point * 40)" r="4"/>"#
        }
        let line = (0..<points).map { "\(40 + $0 * 160),\(120 - $0 * 40)" }.joined(separator: " ")
        return """
            <!doctype html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
            <title>炼钢厂攻关项目月度报表 2026年3月</title>
            <style>
            @page { size: A4 landscape; margin: 10mm; }
            body { font-family: "Noto Sans CJK SC", sans-serif; margin: 0 16px; color: #222; }
            table { border-collapse: collapse; width: 100%; }
            th, td { border: 1px solid #999; padding: 2px 6px; text-align: left; }
            section.detail { break-before: page; }
            svg.chart { width: 480px; height: 160px; }
            \(style)
            </style>
            </head>
            <body>
            <section class="posting">
            <h1>炼钢厂攻关项目月度报表 2026年3月</h1>
            <table>
            <tr><th>项目</th><th>负责人</th><th>状态</th><th>本月进展</th></tr>
            \(table.joined(separator: "\n"))
            <tr data-posting-end><td colspan="3">合计</td><td>\(rows) 个项目</td></tr>
            </table>
            \(posting)
            </section>
            <section class="detail">
            <h2>板坯纵裂攻关 SLAB-CRACK-2026</h2>
            <p>纵裂率（%），近三个月：</p>
            <svg class="chart" data-chart="trend" data-points="\(declared ?? points)" viewBox="0 0 400 160">
            <polyline points="\(line)" fill="none" stroke="#246"/>
            \(marks.joined(separator: "\n"))
            </svg>
            </section>
            </body>
            </html>
            """
    }

    /// Where the demo's monthly sheet's screenshot goes (`DemoPagesBrowserTests`): `docs/monthly-sheet.png`
    /// when `TACKLE_UPDATE_SCREENSHOT=1` (the README shows it), else a directory of its own under the
    /// temporary directory.
    static func screenshotDestination() throws -> URL {
        let directory: URL
        if ProcessInfo.processInfo.environment["TACKLE_UPDATE_SCREENSHOT"] == "1" {
            directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("docs")
        } else {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("tackle-screenshots")
        }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent("monthly-sheet.png")
    }

    /// The width and height a PNG file says it has (its IHDR chunk).
    static func pngSize(_ file: URL) throws -> (width: Int, height: Int) {
        let bytes = [UInt8](try Data(contentsOf: file).prefix(24))
        try #require(bytes.count == 24 && bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let number = { (at: Int) in bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (number(16), number(20))
    }

    @Test("the monthly sheet passes every check in the browser, and its screenshot is 1366 px wide")
    func monthlySheet() async throws {
        let page = BrowserPage(
            name: "monthly-sheet", html: Self.sheet(), chartPoints: ["trend": [3]], postingOnOnePage: true)
        // The fixture's screenshot never goes to docs/: the README shows the demo's sheet.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tackle-screenshots")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let report = try await BrowserCheck.run(
            page, screenshot: directory.appendingPathComponent("fixture-sheet.png"), browser: try Browser())

        #expect(report.problems == [], "\(report.problems)")
        // The checks looked at something: Chinese text, every chart, a posting page and a detail page.
        #expect(report.screen.glyphs.checked > 20)
        #expect(report.screen.charts.count == page.chartPoints.values.map(\.count).reduce(0, +))
        #expect(report.pdf.pageTexts.count >= 2)
        #expect(report.printWidth == 1046, "277 mm of A4 landscape between the page's 10 mm margins")
        let screenshot = try #require(report.screenshot)
        let size = try Self.pngSize(screenshot)
        #expect(size.width == 1366)
        #expect(size.height >= Int(report.screen.scrollHeight))
    }

    /// A page broken for one check, the check that must say so, and what its message must name.
    struct Broken: Sendable, CustomTestStringConvertible {
        var label: String
        var html: String
        var check: BrowserProblem.Check
        var names: String
        var postingOnOnePage = true
        var testDescription: String { label }
    }

    static let broken: [Broken] = [
        Broken(
            label: "a table 1500 px wide overflows at 1366 px",
            html: sheet(
                style: ".wide { width: 1500px; }", posting: #"<table class="wide"><tr><td>宽</td></tr></table>"#),
            check: .overflow, names: #"at 1366 px: table.wide "宽" spans 16...1516 px"#),
        Broken(
            label: "a block 1200 px wide fits 1366 px but not A4 landscape",
            html: sheet(style: ".wide { width: 1200px; }", posting: #"<div class="wide">宽</div>"#),
            check: .overflow, names: #"printed on A4 landscape (1046 px): div.wide "宽" spans 16...1216 px"#),
        Broken(
            label: "a rule for print only makes the printed page too wide",
            html: sheet(style: "@media print { h1 { width: 1100px; } }"),
            check: .overflow, names: "printed on A4 landscape (1046 px): h1"),
        Broken(
            label: "a cell that cuts its text off",
            html: sheet(
                style: ".cut { width: 60px; overflow: hidden; white-space: nowrap; }",
                posting: #"<div class="cut">转炉终点碳控制攻关</div>"#),
            check: .overflow, names: #"div.cut "转炉终点碳控制攻关" cuts off its content"#),
        Broken(
            label: "a character no installed font has (U+9FFF) is tofu",
            html: sheet(posting: "<p>负责人：王\u{9FFF}</p>"),
            check: .glyphs, names: "U+9FFF"),
        Broken(
            label: "an image from the network",
            html: sheet(posting: #"<img src="https://example.com/logo.png" alt="">"#),
            check: .network, names: "the page asked for https://example.com/logo.png"),
        Broken(
            label: "a style's url() on the network",
            html: sheet(style: "h1 { background: url(http://example.org/bg.png); }"),
            check: .network, names: "the page asked for http://example.org/bg.png"),
        Broken(
            label: "a chart that declares 3 points and draws 2",
            html: sheet(points: 2, declared: 3),
            check: .charts, names: "chart 'trend' says 3 but draws 2 points"),
        Broken(
            label: "a chart that draws 2 points where the report has 3",
            html: sheet(points: 2),
            check: .charts, names: "chart 'trend': expected points [3], drawn [2]"),
        Broken(
            label: "a chart that draws nothing",
            html: sheet(style: "svg.chart * { display: none; }"),
            check: .charts, names: "chart 'trend' draws nothing"),
        Broken(
            label: "a posting part too long for one page",
            html: sheet(rows: 40),
            check: .printing, names: "the posting part runs from page 1 to page 2"),
        Broken(
            label: "a page printed on A4 portrait",
            html: sheet(style: "@page { size: A4 portrait; }"),
            check: .printing, names: "page 1 is 594.96 x 841.92 pt, not A4 landscape", postingOnOnePage: false),
    ]

    @Test("each check fails, alone, on a page made to break it, and names what is wrong", arguments: broken)
    func brokenPage(_ broken: Broken) async throws {
        let page = BrowserPage(
            name: "broken", html: broken.html, chartPoints: ["trend": [3]], postingOnOnePage: broken.postingOnOnePage)
        let report = try await BrowserCheck.run(page, browser: try Browser())

        #expect(report.failedChecks == [broken.check], "\(report.problems)")
        #expect(
            report.problems.contains { $0.check == broken.check && $0.message.contains(broken.names) },
            "\(report.problems)")
    }
}
