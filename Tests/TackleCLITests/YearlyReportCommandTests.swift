import Foundation
import Testing

/// `tackle report yearly` through the real binary on the demo plant: the year as the monthly
/// reports scored it, rolled up per project and per unit, and a future year refused.
@Suite("tackle report yearly")
struct YearlyReportCommandTests {
    /// The documented JSON of `report yearly --format json`; plain `Decodable` with the snake_case
    /// names, so a renamed key fails the test.
    struct Yearly: Decodable {
        struct Month: Decodable {
            var month: String
            var status: String?
            var score: Int?
            var rank: Int?
            var called_in: Bool
        }

        struct Project: Decodable {
            var key: String
            var title: String
            var unit_code: String
            var leader_name: String
            var months: [Month]
            var average_score: Double?
            var months_ranked: Int
            var times_called_in: Int
            var rank: Int?
        }

        struct Unit: Decodable {
            var unit_code: String
            var projects: Int
            var average_score: Double?
            var months_ranked: Int
            var times_called_in: Int
            var rank: Int?
        }

        var year: Int
        var months: [String]
        var projects: [Project]
        var units: [Unit]
    }

    /// The part of `report monthly --format json` the year is made of.
    struct Monthly: Decodable {
        struct Score: Decodable {
            var total: Int
        }

        struct Entry: Decodable {
            var key: String
            var unit_code: String
            var status: String
            var score: Score?
            var rank: Int?
            var called_in: Bool
        }

        var month: String
        var projects: [Entry]
    }

    /// The months of 2026 that have ended at the plant (Asia/Shanghai) when the test runs.
    static func endedMonths() throws -> [String] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "Asia/Shanghai"))
        let today = calendar.dateComponents([.year, .month], from: Date())
        let last = (today.year ?? 0) > 2026 ? 12 : (today.month ?? 1) - 1
        return (0..<max(last, 0)).map { String(format: "2026-%02d", $0 + 1) }
    }

    /// `a / b` and `c / d` as the same number, up to the JSON's printing.
    static func same(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case (let a?, let b?): abs(a - b) < 1e-9
        default: false
        }
    }

    @Test("the demo's year agrees with its monthly reports: scores, ranks, call-ins, averages, units")
    func agreesWithMonthlyReports() throws {
        let database = try TrackerDatabase.create(label: "cli_yearly_demo")
        defer { database.drop() }
        try database.setUp("demo", "load")
        let months = try Self.endedMonths()
        try #require(months.count >= 10, "the demo's year runs to 2026-10 at least")

        let outcome = try database.tackle.succeed("report", "yearly", "--year", "2026", "--format", "json")
        #expect(outcome.stderr.isEmpty)
        let year = try JSONDecoder().decode(Yearly.self, from: Data(outcome.stdout.utf8))
        #expect(year.year == 2026)
        #expect(year.months == months)
        #expect(year.projects.count == 6)
        #expect(Set(year.projects.map(\.key)).count == 6)

        // Every month's report, as `report monthly` prints it.
        var monthly: [String: Monthly] = [:]
        for month in months {
            let printed = try database.tackle.succeed("report", "monthly", "--month", month, "--format", "json")
            monthly[month] = try JSONDecoder().decode(Monthly.self, from: Data(printed.stdout.utf8))
        }
        for project in year.projects {
            #expect(project.months.map(\.month) == months)
            var scores: [Int] = []
            for (index, entry) in project.months.enumerated() {
                let listed = monthly[months[index]]?.projects.first { $0.key == project.key }
                #expect(entry.status == listed?.status, "\(project.key) \(entry.month)")
                #expect(entry.score == listed?.score?.total, "\(project.key) \(entry.month)")
                #expect(entry.rank == listed?.rank, "\(project.key) \(entry.month)")
                #expect(entry.called_in == (listed?.called_in ?? false), "\(project.key) \(entry.month)")
                if let listed, listed.rank != nil, let score = listed.score?.total { scores.append(score) }
            }
            #expect(project.months_ranked == scores.count, "\(project.key)")
            #expect(
                Self.same(
                    project.average_score, scores.isEmpty ? nil : Double(scores.reduce(0, +)) / Double(scores.count)),
                "\(project.key)")
            let calledIn = months.count { month in
                monthly[month]?.projects.contains { $0.key == project.key && $0.called_in } ?? false
            }
            #expect(project.times_called_in == calledIn, "\(project.key)")
        }
        // The demo's called-in projects make the roll-up worth checking.
        #expect(year.projects.map(\.times_called_in).reduce(0, +) > 0)

        // Yearly ranks: by average, equal averages sharing a rank; listed by rank.
        let averages = year.projects.compactMap(\.average_score)
        for project in year.projects {
            #expect(project.rank == project.average_score.map { mine in 1 + averages.count { $0 > mine } })
        }
        let ranks = year.projects.map { $0.rank ?? .max }
        #expect(ranks == ranks.sorted())

        // Units: every ranked month of their projects, taken together.
        #expect(Set(year.units.map(\.unit_code)) == Set(year.projects.map(\.unit_code)))
        for unit in year.units {
            let projects = year.projects.filter { $0.unit_code == unit.unit_code }
            let scores = projects.flatMap(\.months).compactMap(\.score)
            #expect(unit.projects == projects.count, "\(unit.unit_code)")
            #expect(unit.months_ranked == scores.count, "\(unit.unit_code)")
            #expect(unit.times_called_in == projects.map(\.times_called_in).reduce(0, +), "\(unit.unit_code)")
            #expect(
                Self.same(
                    unit.average_score, scores.isEmpty ? nil : Double(scores.reduce(0, +)) / Double(scores.count)),
                "\(unit.unit_code)")
        }

        // The same year as text, in Chinese.
        let text = try database.tackle.succeed("report", "yearly", "--year", "2026", "--lang", "zh")
        #expect(text.stderr.isEmpty)
        #expect(text.stdout.hasPrefix("攻关项目年度考核汇总 2026（1-\(months.count) 月）\n"))
        #expect(text.stdout.contains("项目年度排名："))
        #expect(text.stdout.contains("单位年度排名（作业区、科室、党支部）："))
        for project in year.projects {
            #expect(text.stdout.contains(" \(project.key) "), "\(project.key)")
            #expect(text.stdout.contains(project.title), "\(project.title)")
        }
        #expect(text.stdout.hasSuffix("\n") && !text.stdout.hasSuffix("\n\n"))
    }

    @Test("a future year is refused with exit 1 and one line naming --year; a bad year too")
    func futureYearRefused() throws {
        let database = try TrackerDatabase.create(label: "cli_yearly_future")
        defer { database.drop() }
        // Next year at the plant, whenever the test runs.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "Asia/Shanghai"))
        let next = String((calendar.dateComponents([.year], from: Date()).year ?? 0) + 1)
        for (year, says) in [(next, "\(next) has not begun yet"), ("20x", "'20x' is not a year")] {
            let outcome = try database.tackle.run("report", "yearly", "--year", year)
            #expect(outcome.status == 1, "\(outcome)")
            #expect(outcome.stdout.isEmpty)
            #expect(outcome.stderr.hasPrefix("Error: --year: "), "\(outcome)")
            #expect(outcome.stderr.contains(says), "\(outcome)")
            #expect(outcome.stderr.split(separator: "\n").count == 1, "one line: \(outcome.stderr)")
        }
    }

    @Test("a past year with no projects prints an empty summary; --help gives examples")
    func emptyYearAndHelp() throws {
        let database = try TrackerDatabase.create(label: "cli_yearly_empty")
        defer { database.drop() }
        let outcome = try database.tackle.succeed("report", "yearly", "--year", "2025", "--lang", "en")
        #expect(outcome.stdout.hasPrefix("tackle yearly assessment 2025 (months 2025-01..2025-12)\n"))
        #expect(outcome.stdout.hasSuffix("no project was listed in 2025\n"))
        let json = try database.tackle.succeed("report", "yearly", "--year", "2025", "--format", "json")
        let year = try JSONDecoder().decode(Yearly.self, from: Data(json.stdout.utf8))
        #expect(year.months.count == 12)
        #expect(year.projects.isEmpty && year.units.isEmpty)

        let help = try TackleProcess(conninfo: nil).run("report", "yearly", "--help")
        #expect(help.status == 0, "\(help)")
        let words = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("tackle report yearly --year 2026 --lang zh"))
        #expect(words.contains("a future year is refused"))
    }
}
