import Foundation
import Testing

/// The notice board's pages through the real binary on the demo plant: `report monthly`,
/// `report yearly` and `project show` with `--format html`, each one self-contained document
/// whose charts plot exactly the values the JSON reports carry.
@Suite("tackle board pages (--format html)")
struct BoardPagesCommandTests {
    /// One chart of a page: what it says it plots, what it does, and its title.
    struct ChartMarkup {
        var kind: String
        var declaredPoints: Int
        var marks: Int
        var title: String
        var hasDescription: Bool
        var hasViewBox: Bool
        var isImage: Bool
    }

    /// Every `<svg>` of a page.
    static func charts(in html: String) -> [ChartMarkup] {
        html.components(separatedBy: "<svg ").dropFirst().map { piece in
            let svg = piece.components(separatedBy: "</svg>")[0]
            let tag = svg.prefix { $0 != ">" }
            func attribute(_ name: String) -> String? {
                guard let range = tag.range(of: " \(name)=\"") ?? tag.range(of: "\(name)=\"") else { return nil }
                return String(tag[range.upperBound...].prefix { $0 != "\"" })
            }
            let title = svg.components(separatedBy: "<title>").dropFirst().first?.components(separatedBy: "</title>")
                .first
            return ChartMarkup(
                kind: attribute("data-chart") ?? "", declaredPoints: Int(attribute("data-points") ?? "") ?? -1,
                marks: svg.components(separatedBy: "class=\"point").count - 1, title: title ?? "",
                hasDescription: svg.contains("<desc>"), hasViewBox: attribute("viewBox") != nil,
                isImage: attribute("role") == "img")
        }
    }

    /// Checks what every page must be: one document, the language, no URL, no script, the policy.
    static func checkDocument(_ html: String, lang: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(html.hasPrefix("<!doctype html>\n<html lang=\"\(lang)\">"), sourceLocation: sourceLocation)
        #expect(html.components(separatedBy: "<html").count == 2, "one document", sourceLocation: sourceLocation)
        #expect(html.hasSuffix("</html>\n"), sourceLocation: sourceLocation)
        #expect(html.contains("<meta charset=\"utf-8\">"), sourceLocation: sourceLocation)
        #expect(
            html.contains(
                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                    + "style-src 'unsafe-inline'; img-src data:\">"), sourceLocation: sourceLocation)
        #expect(html.contains("@page { size: A4 landscape; margin: 10mm; }"), sourceLocation: sourceLocation)
        for forbidden in ["http://", "https://", "<script", "url(", "@import", "<link", "<img", "<iframe"] {
            #expect(!html.contains(forbidden), "no \(forbidden)", sourceLocation: sourceLocation)
        }
        // Every src or href is a plain relative name or a fragment: never //, never a scheme.
        for attribute in ["src=\"", "href=\""] {
            for piece in html.components(separatedBy: attribute).dropFirst() {
                let value = piece.prefix { $0 != "\"" }
                #expect(
                    !value.contains("//") && !value.contains(":"), "\(attribute)\(value)",
                    sourceLocation: sourceLocation)
            }
        }
        for chart in charts(in: html) {
            #expect(
                chart.isImage && chart.hasViewBox && chart.hasDescription && !chart.title.isEmpty,
                sourceLocation: sourceLocation)
            #expect(chart.marks == chart.declaredPoints, "\(chart.kind) \(chart.title)", sourceLocation: sourceLocation)
        }
        #expect(html.contains("<th scope=\"col\">"), sourceLocation: sourceLocation)
        #expect(html.contains("<caption>"), sourceLocation: sourceLocation)
    }

    /// The part of `report monthly --format json` the sheet plots.
    struct Monthly: Decodable {
        struct Recent: Decodable { var rate: Double? }
        struct Entry: Decodable {
            var key: String
            var rank: Int?
            var recent_months: [Recent]?
        }
        var projects: [Entry]
    }

    @Test("the monthly sheet in Chinese: one page, a sparkline per project plotting its six months, the posting first")
    func monthlyChinese() throws {
        let database = try TrackerDatabase.create(label: "cli_board_monthly")
        defer { database.drop() }
        try database.setUp("demo", "load")
        let json = try database.tackle.succeed("report", "monthly", "--month", "2026-10", "--format", "json")
        let report = try JSONDecoder().decode(Monthly.self, from: Data(json.stdout.utf8))
        try #require(report.projects.count >= 5)

        let outcome = try database.tackle.succeed(
            "report", "monthly", "--month", "2026-10", "--format", "html", "--lang", "zh")
        #expect(outcome.stderr.isEmpty)
        let html = outcome.stdout
        Self.checkDocument(html, lang: "zh-Hans")
        for heading in ["攻关项目月度考核公示 2026-10", "本月排名", "本月最佳项目", "末位约谈", "上月约谈跟踪（2026-09）", "全厂汇总 2026-10"] {
            #expect(html.contains(heading), "\(heading)")
        }
        #expect(html.components(separatedBy: "<section class=\"posting\">").count == 2)
        #expect(html.components(separatedBy: "<section class=\"detail\"").count == report.projects.count + 2)
        let posting = html.components(separatedBy: "<section class=\"detail\"")[0]

        let sparklines = Self.charts(in: html).filter { $0.kind == "sparkline" }
        #expect(sparklines.count == report.projects.count)
        #expect(Self.charts(in: posting).count == report.projects.count, "every sparkline is in the posting part")
        for project in report.projects {
            let mine = sparklines.filter { $0.title.hasPrefix(project.key + " ") }
            #expect(mine.count == 1, "\(project.key)")
            let withRate = (project.recent_months ?? []).count { $0.rate != nil }
            #expect(mine.first?.declaredPoints == withRate, "\(project.key)")
        }
        #expect(sparklines.contains { $0.declaredPoints > 0 }, "the demo has recent figures")
        // One row per ranked project in the ranking, each linking to its section.
        let ranking = posting.components(separatedBy: "<table class=\"ranking\">")[1].components(
            separatedBy: "</table>")[0]
        let ranked = report.projects.filter { $0.rank != nil }
        #expect(ranking.components(separatedBy: "<tr").count - 2 == ranked.count)
        for project in ranked {
            #expect(ranking.contains("href=\"#p-\(project.key)\""))
            #expect(html.contains("id=\"p-\(project.key)\""))
        }
    }

    @Test("the monthly sheet in English says so, and --format html is refused with a typo")
    func monthlyEnglish() throws {
        let database = try TrackerDatabase.create(label: "cli_board_monthly_en")
        defer { database.drop() }
        try database.setUp("demo", "load")
        let outcome = try database.tackle.succeed(
            "report", "monthly", "--month", "2026-10", "--format", "HTML", "--lang", "en")
        Self.checkDocument(outcome.stdout, lang: "en")
        #expect(outcome.stdout.contains("<h2>Ranking</h2>"))
        #expect(!outcome.stdout.contains("本月排名"))

        let refused = try database.tackle.run("report", "monthly", "--month", "2026-10", "--format", "htm")
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr == "Error: --format: 'htm' is not a format; use text, json or html\n")
    }

    /// The part of `report yearly --format json` the heat map plots.
    struct Yearly: Decodable {
        struct Month: Decodable {
            var score: Int?
            var called_in: Bool
        }
        struct Project: Decodable {
            var key: String
            var months: [Month]
        }
        var projects: [Project]
    }

    @Test("the yearly page: one heat map with a cell per scored project-month, and the units")
    func yearly() throws {
        let database = try TrackerDatabase.create(label: "cli_board_yearly")
        defer { database.drop() }
        try database.setUp("demo", "load")
        let json = try database.tackle.succeed("report", "yearly", "--year", "2026", "--format", "json")
        let year = try JSONDecoder().decode(Yearly.self, from: Data(json.stdout.utf8))
        let scored = year.projects.map { $0.months.count { $0.score != nil } }.reduce(0, +)
        try #require(scored > 0)

        let outcome = try database.tackle.succeed(
            "report", "yearly", "--year", "2026", "--format", "html", "--lang", "zh")
        let html = outcome.stdout
        Self.checkDocument(html, lang: "zh-Hans")
        let heatmaps = Self.charts(in: html).filter { $0.kind == "heatmap" }
        #expect(heatmaps.count == 1)
        #expect(heatmaps.first?.declaredPoints == scored)
        let calledIn = year.projects.map { $0.months.count(where: \.called_in) }.reduce(0, +)
        #expect(html.components(separatedBy: "stroke-width=\"2.5\"").count - 1 == calledIn, "called-in cells are heavy")
        for heading in ["各月得分", "项目年度排名", "单位年度排名"] {
            #expect(html.contains(heading), "\(heading)")
        }
        for project in year.projects {
            #expect(html.contains(project.key))
        }
    }

    /// The parts of `metric chart --json` and `trial list --json` the project page plots.
    struct ChartJSON: Decodable {
        struct Point: Decodable { var rate: Double? }
        var points: [Point]
    }

    struct TrialJSON: Decodable {
        struct Outcome: Decodable { var inspected: Int }
        var number: Int
        var ended_on: String
        var outcome: Outcome
    }

    @Test("the project page: the p-chart's months, a forest mark per trial, the latest changes")
    func projectPage() throws {
        let database = try TrackerDatabase.create(label: "cli_board_project")
        defer { database.drop() }
        try database.setUp("demo", "load")
        let key = "SLAB-CRACK-2026"
        let chartJSON = try database.tackle.succeed("metric", "chart", key, "--to", "2026-10", "--json")
        let chart = try JSONDecoder().decode(ChartJSON.self, from: Data(chartJSON.stdout.utf8))
        let trialsJSON = try database.tackle.succeed("trial", "list", key, "--json")
        let trials = try JSONDecoder().decode([TrialJSON].self, from: Data(trialsJSON.stdout.utf8))
            .filter { $0.ended_on <= "2026-10-31" }
        try #require(trials.count >= 2)

        let outcome = try database.tackle.succeed(
            "project", "show", key, "--format", "html", "--month", "2026-10", "--lang", "zh")
        #expect(outcome.stderr.isEmpty)
        let html = outcome.stdout
        Self.checkDocument(html, lang: "zh-Hans")
        let charts = Self.charts(in: html)
        let pcharts = charts.filter { $0.kind == "pchart" }
        #expect(pcharts.count == 1)
        #expect(pcharts.first?.declaredPoints == chart.points.count { $0.rate != nil })
        #expect((pcharts.first?.declaredPoints ?? 0) >= 10, "2026-01..2026-10 has figures")
        let forests = charts.filter { $0.kind == "forest" }
        #expect(forests.count == 1)
        #expect(forests.first?.declaredPoints == trials.count { $0.outcome.inspected > 0 })
        for trial in trials {
            #expect(html.contains("<th scope=\"row\">T\(trial.number)</th>"), "T\(trial.number)")
        }
        for heading in ["缺陷率控制图", "试验与基准对比", "按参数合并的试验", "节点", "最近的变更"] {
            #expect(html.contains("<h2>\(heading)</h2>"), "\(heading)")
        }
        #expect(html.contains("<ol class=\"timeline\">"))
        let history = html.components(separatedBy: "<section class=\"part\" id=\"history\">")[1]
            .components(separatedBy: "</table>")[0]
        let rows = history.components(separatedBy: "<tr>").count - 2
        #expect(rows > 0 && rows <= 15)

        // An earlier month shows less: the trials that ended by then.
        let may = try database.tackle.succeed("project", "show", key, "--format", "html", "--month", "2026-05")
        let mayForest = Self.charts(in: may.stdout).first { $0.kind == "forest" }
        #expect(mayForest?.declaredPoints == trials.count { $0.ended_on <= "2026-05-31" && $0.outcome.inspected > 0 })
        #expect(Self.charts(in: may.stdout).first { $0.kind == "pchart" }?.declaredPoints == 5)
    }

    @Test("project show keeps --json, takes --format, and refuses both at once or --month without html")
    func projectShowFlags() throws {
        let database = try TrackerDatabase.create(label: "cli_board_flags")
        defer { database.drop() }
        try database.setUp("demo", "load")
        let key = "SLAB-CRACK-2026"
        let json = try database.tackle.succeed("project", "show", key, "--json")
        let formatJSON = try database.tackle.succeed("project", "show", key, "--format", "json")
        #expect(json.stdout == formatJSON.stdout)
        #expect(json.stdout.hasPrefix("{"))
        let text = try database.tackle.succeed("project", "show", key)
        #expect(text.stdout == (try database.tackle.succeed("project", "show", key, "--format", "text")).stdout)

        let both = try database.tackle.run("project", "show", key, "--json", "--format", "html")
        #expect(both.status == 1, "\(both)")
        #expect(both.stdout.isEmpty)
        #expect(both.stderr == "Error: give --json or --format, not both (--json is --format json)\n")

        let month = try database.tackle.run("project", "show", key, "--month", "2026-10")
        #expect(month.status == 1, "\(month)")
        #expect(month.stderr == "Error: --month: the month is for the HTML page; add --format html\n")

        let future = try database.tackle.run("project", "show", key, "--format", "html", "--month", "2999-01")
        #expect(future.status == 1, "\(future)")
        #expect(future.stderr.hasPrefix("Error: --month: 2999-01 has not begun yet"))
        #expect(future.stdout.isEmpty)

        let unknown = try database.tackle.run("project", "show", "NO-SUCH", "--format", "html", "--month", "2026-10")
        #expect(unknown.status == 1, "\(unknown)")
        #expect(unknown.stderr.contains("no project with key NO-SUCH"))
    }
}
