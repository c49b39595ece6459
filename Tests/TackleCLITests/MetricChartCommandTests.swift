import Foundation
import Testing

/// `tackle metric chart`: the p-chart of a project's rate against its baseline 48/1500 = 3.20 %.
///
/// Expected limits and the sparkline were computed outside tackle, with Python 3.12:
/// `p = 48/1500; s = 3 * math.sqrt(p * (1 - p) / n); (max(0, p - s), min(1, p + s))` (NIST/SEMATECH
/// 6.3.3.2), printed with `f"{x * 100:.2f}%"`, and the sparkline as
/// `"▁▂▃▄▅▆▇█"[min(7, int(rate / top * 8))]` with `top = max(rates + [p])`, `·` for a month without figures.
@Suite("tackle metric chart")
struct MetricChartCommandTests {
    static let key = "SLAB-CRACK-2026"

    /// The documented `--json` of `metric chart`, as a script reads it.
    struct Chart: Decodable {
        struct Limits: Decodable {
            var lower: Double
            var upper: Double
        }
        struct Run: Decodable, Equatable {
            var side: String
            var length: Int
        }
        struct StatusChange: Decodable, Equatable {
            var status: String
            var effective_on: String
        }
        struct Trial: Decodable {
            var number: Int
            var label: String
            var started_on: String
            var ended_on: String
        }
        struct Point: Decodable {
            var period: String
            var first_day: String
            var last_day: String
            var counts: OutputJSON.Counts?
            var rate: Double?
            var limits: Limits?
            var run: Run?
            var signals: [String]
            var trials: [String]
            var status_changes: [StatusChange]
        }
        var project_key: String
        var title: String
        var metric_name: String
        var granularity: String
        var baseline: OutputJSON.Counts
        var baseline_period: String
        var centre: Double
        var points: [Point]
        var trials: [Trial]
        var status_changes: [StatusChange]
    }

    /// Eleven months of figures, 2026-01..2026-11: on the centre, above the upper limit, then
    /// eight months below the centre with a gap in May (figures recorded, then voided) and June
    /// below its lower limit; trial T1 in June; on hold from 15 August, active again from 1 September.
    static func monthlyProject() throws -> TrackerDatabase {
        let database = try TrackerDatabase.create(label: "cli_chart_monthly")
        do {
            try database.addPlant()
            try database.openProject(key)
            for (month, defective, inspected) in [
                ("01", 16, 500), ("02", 70, 1500), ("03", 20, 1000), ("04", 20, 1000), ("05", 90, 1000),
                ("06", 15, 1000), ("07", 20, 1000), ("08", 20, 1000), ("09", 20, 1000), ("10", 20, 1000),
                ("11", 20, 1000),
            ] {
                try database.setUp(
                    "metric", "record", key, "--month", "2026-\(month)", "--defective", String(defective),
                    "--inspected", String(inspected))
            }
            try database.setUp("metric", "void", key, "--month", "2026-05", "--reason", "误录")
            try database.logTrial(key, inspected: 300, defective: 3, from: "2026-06-10")
            try database.setUp("project", "set-status", key, "on-hold", "--reason", "连铸机大修", "--on", "2026-08-15")
            try database.setUp("project", "set-status", key, "active", "--reason", "大修结束", "--on", "2026-09-01")
        } catch {
            database.drop()
            throw error
        }
        return database
    }

    /// The table row of a period, split into its cells.
    static func row(_ period: String, in text: String) throws -> [String] {
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix(period + " ") }, "row \(period)")
        return line.split(separator: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    @Test("text: the header, a row per month with limits, signals and marks, the sparkline, the signals in words")
    func monthlyText() throws {
        let database = try Self.monthlyProject()
        defer { database.drop() }
        let outcome = try database.tackle.succeed("metric", "chart", Self.key, "--from", "2026-01", "--to", "2026-11")
        let text = outcome.stdout
        #expect(outcome.stderr.isEmpty, "\(outcome)")
        #expect(
            text.hasPrefix(
                "SLAB-CRACK-2026  板坯纵裂攻关 — longitudinal crack rate; centre p̄ 3.20% = baseline 48/1500 "
                    + "(2026-01..2026-03)\nmonthly p-chart 2026-01..2026-11;"), "\(text)")
        #expect(try Self.row("2026-01", in: text) == ["2026-01", "16/500", "3.20%", "0.84%", "5.56%"])
        #expect(try Self.row("2026-02", in: text) == ["2026-02", "70/1500", "4.67%", "1.84%", "4.56%", "above UCL"])
        #expect(
            try Self.row("2026-04", in: text) == ["2026-04", "20/1000", "2.00%", "1.53%", "4.87%", "→active 04-01"])
        #expect(try Self.row("2026-05", in: text) == ["2026-05", "-", "-", "-", "-"])
        #expect(
            try Self.row("2026-06", in: text) == ["2026-06", "15/1000", "1.50%", "1.53%", "4.87%", "below LCL", "T1"])
        #expect(try Self.row("2026-08", in: text).last == "→on-hold 08-15")
        #expect(try Self.row("2026-10", in: text).count == 5)  // the 7th month below the centre: no signal yet
        #expect(try Self.row("2026-11", in: text).last == "shift down (8)")
        #expect(text.contains("\ntrend  ▆█▄▄·▃▄▄▄▄▄  ▁ 0 to █ 4.67% (the highest of the rates and the centre)"))
        #expect(
            text.contains(
                """
                Signals:
                  2026-02: above the upper limit (4.67% > 4.56%)
                  2026-06: below the lower limit (1.50% < 1.53%)
                  2026-11: 8th month in a row below the centre: a shift down (the countermeasure worked, or the \
                measurement changed)
                Marks: →active 2026-04-01; T1 2026-06-10..2026-06-10; →on-hold 2026-08-15; →active 2026-09-01

                """), "\(text)")
        // Rates are right-aligned under their header.
        let lines = text.split(separator: "\n")
        let header = try #require(lines.first { $0.hasPrefix("PERIOD") })
        let rateEnd = try #require(header.firstRange(of: "RATE")).upperBound.utf16Offset(in: header)
        for line in lines where line.hasPrefix("2026-") && line.contains("%") {
            let rate = try #require(line.firstRange(of: "%")).upperBound.utf16Offset(in: line)
            #expect(rate == rateEnd, "\(line)")
        }
    }

    @Test("--json: every month with counts, rate, named limits, run, signals and marks; the gap without figures")
    func monthlyJSON() throws {
        let database = try Self.monthlyProject()
        defer { database.drop() }
        let outcome = try database.tackle.succeed(
            "metric", "chart", Self.key, "--from", "2026-01", "--to", "2026-11", "--json")
        let chart = try JSONDecoder().decode(Chart.self, from: Data(outcome.stdout.utf8))
        #expect(chart.project_key == Self.key)
        #expect(chart.metric_name == "longitudinal crack rate")
        #expect(chart.granularity == "month")
        #expect(chart.baseline == .init(defective: 48, inspected: 1500))
        #expect(chart.baseline_period == "2026-01..2026-03")
        #expect(chart.centre == 0.032)
        #expect(chart.points.map(\.period) == (1...11).map { String(format: "2026-%02d", $0) })
        let february = chart.points[1]
        #expect(february.first_day == "2026-02-01" && february.last_day == "2026-02-28")
        #expect(february.counts == .init(defective: 70, inspected: 1500))
        #expect(abs((february.limits?.lower ?? 0) - 0.018_367_098_621_349_894) < 1e-12)
        #expect(abs((february.limits?.upper ?? 0) - 0.045_632_901_378_650_11) < 1e-12)
        #expect(february.signals == ["above-upper-limit"])
        let may = chart.points[4]
        #expect(may.counts == nil && may.rate == nil && may.limits == nil && may.run == nil && may.signals.isEmpty)
        #expect(chart.points[5].signals == ["below-lower-limit"])
        #expect(chart.points[5].trials == ["T1"])
        #expect(chart.points[10].run == .init(side: "below", length: 8))
        #expect(chart.points[10].signals == ["shift-down"])
        #expect(chart.points[9].signals.isEmpty)
        #expect(chart.points[7].status_changes == [.init(status: "on-hold", effective_on: "2026-08-15")])
        #expect(chart.trials.map(\.label) == ["T1"])
        #expect(chart.status_changes.map(\.status) == ["active", "on-hold", "active"])
    }

    @Test("--daily: daily records only, one point a day; the table lists the signalled and marked days unless --all")
    func daily() throws {
        let database = try TrackerDatabase.create(label: "cli_chart_daily")
        defer { database.drop() }
        try database.addPlant()
        try database.openProject(Self.key)
        // October monthly, November daily (a month is recorded one way only).
        try database.setUp(
            "metric", "record", Self.key, "--month", "2026-10", "--defective", "40", "--inspected", "1000")
        for day in ["01", "02", "03", "05", "06", "07", "08", "09", "10", "11"] {
            try database.setUp(
                "metric", "record", Self.key, "--day", "2026-11-\(day)", "--defective", "9", "--inspected", "500")
        }
        try database.setUp(
            "trial", "log", Self.key, "--lever", "soft reduction", "--inspected", "300", "--defective", "3",
            "--from", "2026-11-03", "--to", "2026-11-06")

        let short = try database.tackle.succeed(
            "metric", "chart", Self.key, "--daily", "--from", "2026-10-30", "--to", "2026-11")
        #expect(short.stdout.contains("daily p-chart 2026-10-30..2026-11-30;"), "\(short)")
        let rows = short.stdout.split(separator: "\n").filter { $0.hasPrefix("2026-") }.map { $0.prefix(10) }
        // T1's first and last day, and the 8th to 10th day in a row below the centre (the gap on the 4th skipped).
        #expect(rows == ["2026-11-03", "2026-11-06", "2026-11-09", "2026-11-10", "2026-11-11"])
        #expect(try Self.row("2026-11-09", in: short.stdout).last == "shift down (8)")
        #expect(short.stdout.contains("(5 of 32 days: those with a signal"))
        // One sparkline line per month, each day under its day of the month; 9/500 = 1.80 % of a 3.20 % top
        // is 4.5 eighths: ▅.
        #expect(short.stdout.contains("\n  2026-10" + String(repeating: " ", count: 2 + 29) + "··\n"), "\(short)")
        #expect(short.stdout.contains("\n  2026-11  ▅▅▅·▅▅▅▅▅▅▅" + String(repeating: "·", count: 19) + "\n"))
        #expect(
            short.stdout.contains(
                "2026-11-09..2026-11-11: days 8 to 10 in a row below the centre: a shift down"))

        let all = try database.tackle.succeed(
            "metric", "chart", Self.key, "--daily", "--from", "2026-11-01", "--to", "2026-11-12", "--all")
        let allRows = all.stdout.split(separator: "\n").filter { $0.hasPrefix("2026-11-") }
        #expect(allRows.count == 12)
        #expect(try Self.row("2026-11-04", in: all.stdout) == ["2026-11-04", "-", "-", "-", "-", "T1"])

        // The monthly chart sums November's daily records and takes October's monthly one.
        let monthly = try database.tackle.succeed(
            "metric", "chart", Self.key, "--from", "2026-10", "--to", "2026-11", "--json")
        let chart = try JSONDecoder().decode(Chart.self, from: Data(monthly.stdout.utf8))
        #expect(
            chart.points.map(\.counts) == [
                .init(defective: 40, inspected: 1000), .init(defective: 90, inspected: 5000),
            ])

        // A daily chart of a month recorded monthly has no figures, and says so on stderr.
        let october = try database.tackle.succeed(
            "metric", "chart", Self.key, "--daily", "--from", "2026-10", "--to", "2026-10", "--json")
        let empty = try JSONDecoder().decode(Chart.self, from: Data(october.stdout.utf8))
        #expect(empty.points.count == 31 && empty.points.allSatisfy { $0.counts == nil })
        #expect(october.stderr.contains("no daily figures"))
    }

    @Test("by default: monthly from the baseline's first month to this month, daily the 90 days up to today")
    func defaults() throws {
        let database = try TrackerDatabase.create(label: "cli_chart_defaults")
        defer { database.drop() }
        try database.addPlant()
        try database.openProject(Self.key)
        let today = TrackerCommandTests.plantToday()
        let monthly = try JSONDecoder().decode(
            Chart.self, from: Data(try database.tackle.succeed("metric", "chart", Self.key, "--json").stdout.utf8))
        #expect(monthly.points.first?.period == "2026-01")
        #expect(monthly.points.last?.period == String(today.prefix(7)))
        let daily = try JSONDecoder().decode(
            Chart.self,
            from: Data(try database.tackle.succeed("metric", "chart", Self.key, "--daily", "--json").stdout.utf8))
        #expect(daily.points.count == 90)
        #expect(daily.points.last?.period == today)
    }

    @Test(
        "refusals: one line naming the option, exit 1, nothing on stdout",
        arguments: [
            (
                ["--from", "2026-10", "--to", "2026-01"],
                "Error: --to: 2026-01 is before 2026-10, where the chart starts"
            ),
            (["--to", "2025-12"], "Error: --to: 2025-12 is before 2026-01, where the chart starts by default"),
            (["--from", "2026-13"], "Error: --from: '2026-13' is not a month; write YYYY-MM"),
            (["--to", "2026-05-01"], "Error: --to: '2026-05-01' is not a month; write YYYY-MM (days are for a daily"),
            (["--daily", "--from", "2026-02-30"], "Error: --from: '2026-02-30' is not a date on the calendar"),
            (
                ["--daily", "--from", "2026-11-02", "--to", "2026-11-01"],
                "Error: --to: 2026-11-01 is before 2026-11-02"
            ),
            (
                ["--daily", "--from", "2016-01-01", "--to", "2026-11-30"],
                "Error: --from: 2016-01-01..2026-11-30 is 3987 days; a daily chart covers at most 3700"
            ),
        ])
    func refusals(arguments: [String], message: String) throws {
        let database = try TrackerDatabase.create(label: "cli_chart_refusals")
        defer { database.drop() }
        try database.addPlant()
        try database.openProject(Self.key)
        let outcome = try database.tackle.run(["metric", "chart", Self.key] + arguments)
        #expect(outcome.status == 1, "\(outcome)")
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.hasPrefix(message), "\(outcome)")
        #expect(outcome.stderr.split(separator: "\n").count == 1, "\(outcome)")
    }

    @Test("an unknown project is refused by its key")
    func unknownProject() throws {
        let database = try TrackerDatabase.create(label: "cli_chart_unknown")
        defer { database.drop() }
        let outcome = try database.tackle.run("metric", "chart", "NOPE-2026")
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "Error: no project with key NOPE-2026; `tackle project list` shows them\n")
        #expect(outcome.stdout.isEmpty)
    }
}
