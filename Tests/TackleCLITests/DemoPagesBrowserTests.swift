import Foundation
import Testing

/// Every page of the demo, as the plant sees it: the monthly sheet (公示), the year, and each
/// project's page, rendered by the real binary and checked in headless Chromium (see `BrowserCheck`):
/// no horizontal overflow at 1366 px or printed on A4 landscape, every Chinese glyph drawn, no
/// network request, every chart drawing as many points as the report's values have, and the sheet's
/// posting part on one printed page. The expected points come from the same reports' JSON.
@Suite("the demo's pages in a real browser")
struct DemoPagesBrowserTests {
    struct MonthlyJSON: Decodable {
        struct RecentMonth: Decodable { var rate: Double? }
        struct Project: Decodable {
            var key: String
            var recent_months: [RecentMonth]?
        }
        var projects: [Project]
    }

    struct ProjectJSON: Decodable {
        struct Metric: Decodable { var baseline_period: String }
        struct Project: Decodable {
            var key: String
            var metric: Metric
        }
        var project: Project
    }

    /// The counts in the order the page draws them: by where each project's chart title appears
    /// (`<title>SLAB-CRACK-2026 …`, the key followed by anything that cannot continue a key).
    static func inPageOrder(_ counts: [String: Int], html: String) -> [Int] {
        func position(_ key: String) -> String.Index {
            var searched = html.startIndex
            while let found = html.range(of: "<title>\(key)", range: searched..<html.endIndex) {
                let next = found.upperBound < html.endIndex ? html[found.upperBound] : " "
                if !(next.isLetter || next.isNumber || next == "-" || next == "_") { return found.lowerBound }
                searched = found.upperBound
            }
            return html.endIndex
        }
        return counts.keys.sorted { position($0) < position($1) }.map { counts[$0]! }
    }

    @Test("the demo's monthly sheet, year and project pages pass every browser check")
    func demoPages() async throws {
        let database = try TrackerDatabase.create(label: "cli_browser_demo")
        defer { database.drop() }
        try database.setUp("demo", "load")
        let tackle = database.tackle
        var pages: [BrowserPage] = []

        // The monthly sheet in Chinese, as posted: a sparkline per project of its six months.
        let sheet = try tackle.succeed("report", "monthly", "--month", "2026-10", "--format", "html", "--lang", "zh")
        let monthly = try JSONDecoder().decode(
            MonthlyJSON.self,
            from: Data(try tackle.succeed("report", "monthly", "--month", "2026-10", "--format", "json").stdout.utf8))
        let recent = Dictionary(
            uniqueKeysWithValues: monthly.projects.map { ($0.key, ($0.recent_months ?? []).count { $0.rate != nil }) })
        #expect(recent.values.contains { $0 > 0 })
        pages.append(
            BrowserPage(
                name: "monthly-2026-10", html: sheet.stdout,
                chartPoints: ["sparkline": Self.inPageOrder(recent, html: sheet.stdout)], postingOnOnePage: true))

        // The year: one heat-map cell per scored project-month.
        let yearly = try JSONDecoder().decode(
            BoardPagesCommandTests.Yearly.self,
            from: Data(try tackle.succeed("report", "yearly", "--year", "2026", "--format", "json").stdout.utf8))
        let scored = yearly.projects.map { $0.months.count { $0.score != nil } }.reduce(0, +)
        pages.append(
            BrowserPage(
                name: "yearly-2026",
                html: try tackle.succeed("report", "yearly", "--year", "2026", "--format", "html", "--lang", "zh")
                    .stdout,
                chartPoints: ["heatmap": [scored]]))

        // Each project's page for 2026-10: the p-chart's months with a rate, a forest mark per trial.
        for project in monthly.projects {
            let key = project.key
            let detail = try JSONDecoder().decode(
                ProjectJSON.self, from: Data(try tackle.succeed("project", "show", key, "--json").stdout.utf8))
            let from = String(detail.project.metric.baseline_period.prefix(7))
            let chart = try JSONDecoder().decode(
                BoardPagesCommandTests.ChartJSON.self,
                from: Data(
                    try tackle.succeed("metric", "chart", key, "--from", from, "--to", "2026-10", "--json").stdout.utf8)
            )
            let trials = try JSONDecoder().decode(
                [BoardPagesCommandTests.TrialJSON].self,
                from: Data(try tackle.succeed("trial", "list", key, "--json").stdout.utf8)
            ).filter { $0.ended_on <= "2026-10-31" && $0.outcome.inspected > 0 }
            var points = ["pchart": [chart.points.count { $0.rate != nil }]]
            if !trials.isEmpty { points["forest"] = [trials.count] }
            pages.append(
                BrowserPage(
                    name: "project-\(key)",
                    html: try tackle.succeed(
                        "project", "show", key, "--format", "html", "--month", "2026-10", "--lang", "zh"
                    ).stdout,
                    chartPoints: points))
        }

        let browser = try Browser()
        let screenshot = try BrowserCheckTests.screenshotDestination()
        let reports = try await withThrowingTaskGroup(of: (String, BrowserCheck.Report).self) { group in
            for page in pages {
                group.addTask {
                    (
                        page.name,
                        try await BrowserCheck.run(
                            page, screenshot: page.postingOnOnePage ? screenshot : nil, browser: browser)
                    )
                }
            }
            return try await group.reduce(into: [String: BrowserCheck.Report]()) { $0[$1.0] = $1.1 }
        }
        #expect(reports.count == pages.count)
        for page in pages {
            let report = try #require(reports[page.name])
            #expect(report.problems == [], "\(page.name): \(report.problems)")
            #expect(report.screen.glyphs.checked > 20, "\(page.name) has Chinese text to check")
            #expect(
                report.screen.charts.count == page.chartPoints.values.map(\.count).reduce(0, +), "\(page.name)")
        }
        let sheetReport = try #require(reports["monthly-2026-10"])
        #expect(sheetReport.pdf.pageTexts.count >= 2, "the posting part, then the projects' detail")
        #expect(try BrowserCheckTests.pngSize(try #require(sheetReport.screenshot)).width == 1366)
    }
}
