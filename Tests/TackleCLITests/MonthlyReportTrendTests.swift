import Foundation
import Testing

/// The six-month trend of `tackle report monthly`, from the figures as recorded.
@Suite("tackle report monthly: six-month trend")
struct MonthlyReportTrendTests {
    static let key = "SLAB-CRACK-2026"

    struct Report: Decodable {
        struct Month: Decodable, Equatable {
            var month: String
            var defective: Int?
            var inspected: Int?
            var rate: Double?
        }
        struct Project: Decodable {
            var key: String
            var recent_months: [Month]
        }
        var projects: [Project]
    }

    @Test("the six months up to the report's: monthly and daily records summed, voided and later ones left out")
    func recentMonths() throws {
        let database = try TrackerDatabase.create(label: "cli_report_trend")
        defer { database.drop() }
        try database.addPlant()
        try database.openProject(Self.key, opened: "2025-10-01")
        let monthly = [
            ("2025-11", 60, 1500), ("2026-01", 48, 1500), ("2026-02", 90, 1000), ("2026-03", 10, 1000),
            ("2026-05", 20, 1450), ("2026-06", 1, 1000),
        ]
        for (month, defective, inspected) in monthly {
            try database.setUp(
                "metric", "record", Self.key, "--month", month, "--defective", String(defective), "--inspected",
                String(inspected))
        }
        try database.setUp("metric", "void", Self.key, "--month", "2026-02", "--reason", "误录")
        try database.setUp(
            "metric", "record", Self.key, "--day", "2026-04-10", "--defective", "10", "--inspected", "600")
        try database.setUp(
            "metric", "record", Self.key, "--day", "2026-04-11", "--defective", "8", "--inspected", "600")

        let json = try database.tackle.succeed("report", "monthly", "--month", "2026-05", "--format", "json")
        let report = try JSONDecoder().decode(Report.self, from: Data(json.stdout.utf8))
        let project = try #require(report.projects.first { $0.key == Self.key })
        // 2025-11 is before the six months and 2026-06 after the report's month; 2026-02 was voided.
        let expected: [Report.Month] = [
            Report.Month(month: "2025-12"),
            Report.Month(month: "2026-01", defective: 48, inspected: 1500, rate: 48.0 / 1500),
            Report.Month(month: "2026-02"),
            Report.Month(month: "2026-03", defective: 10, inspected: 1000, rate: 10.0 / 1000),
            Report.Month(month: "2026-04", defective: 18, inspected: 1200, rate: 18.0 / 1200),
            Report.Month(month: "2026-05", defective: 20, inspected: 1450, rate: 20.0 / 1450),
        ]
        #expect(project.recent_months == expected)

        // On the scale 0 to the baseline 3.20 %: Python "▁▂▃▄▅▆▇█"[int(rate / 0.032 * 8)] gives
        // steps 8 (capped at 7), 2.5, 3.75 and 3.45 for 48/1500, 10/1000, 18/1200 and 20/1450.
        let text = try database.tackle.succeed("report", "monthly", "--month", "2026-05")
        #expect(text.stdout.contains("  Trend 2025-12..2026-05: ·█·▃▄▄ (0 to 3.20%"), "\(text)")
        let row = try #require(text.stdout.split(separator: "\n").first { $0.contains(Self.key) })
        #expect(row.contains("  ·█·▃▄▄  "), "\(row)")
    }
}
