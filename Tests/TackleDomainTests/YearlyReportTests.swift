import FoundationEssentials
import ReportFixtures
import Testing

@testable import TackleDomain

/// The year summed up from its monthly reports: averages, shared ranks, months ranked, times
/// called in, and the roll-up by sponsoring unit.
@Suite("Yearly report")
struct YearlyReportTests {
    typealias Y = YearlyFixture

    /// January to March 2026. In January and February D's figures are missing (25, at risk) and
    /// it is the only one of the three lowest not on track, so it is called in; in March everyone
    /// is on track and nobody is. E is on hold until March; F is only ever proposed.
    static let units = ["A": "CC3", "B": "CC3", "C": "CC1", "G": "CC1", "D": "CC1", "E": "BOF", "F": "TECH"]
    static let monthly = Y.reports(
        [
            "A": [.onTime, .onTime, .onTime],
            "B": [.onTime, .late, .onTime],
            "C": [.late, .late, .late],
            "G": [.late, .late, .late],
            "D": [.missing, .missing, .onTime],
            "E": [.onHold, .onHold, .onTime],
            "F": [.proposed, .proposed, .proposed],
        ], units: units)
    static let report = YearlyReport(year: 2026, monthlyReports: monthly)

    func project(_ key: String) throws -> YearlyReport.ProjectYear {
        try #require(Self.report.projects.first { $0.key == key })
    }

    @Test("the months are the reports' months, in order")
    func months() {
        #expect(Self.report.year == 2026)
        #expect(Self.report.months == [Y.month(1), Y.month(2), Y.month(3)])
        #expect(Self.report.projects.count == 7)
        #expect(Self.report.projects.allSatisfy { $0.months.map(\.month) == Self.report.months })
    }

    @Test("each month's score, rank and call-in are the monthly report's")
    func monthsAsTheMonthlyReportsHadThem() throws {
        #expect(Self.monthly.map { $0.calledIn.map(\.key) } == [["D"], ["D"], []])
        for (index, monthly) in Self.monthly.enumerated() {
            for entry in monthly.projects {
                let month = try project(entry.key).months[index]
                #expect(month.month == monthly.month)
                #expect(month.status == entry.status)
                #expect(month.score == entry.score?.total)
                #expect(month.rank == entry.rank)
                #expect(month.calledIn == entry.calledIn)
            }
        }
        #expect(try project("B").months.map(\.score) == [85, 80, 85])
        #expect(try project("D").months.map(\.rank) == [5, 5, 1])
    }

    @Test("the average is over the months ranked; months ranked and times called in are counted")
    func averagesAndCounts() throws {
        let b = try project("B")
        #expect(b.averageScore == 250.0 / 3)
        #expect(b.monthsRanked == 3)
        #expect(b.timesCalledIn == 0)
        let d = try project("D")
        #expect(d.averageScore == 45)
        #expect(d.monthsRanked == 3)
        #expect(d.timesCalledIn == 2)
        #expect(try project("C").averageScore == 80)
    }

    @Test("a project on hold part of the year is averaged over the months it was ranked, not lowered by the others")
    func onHoldPartOfTheYear() throws {
        let e = try project("E")
        #expect(e.months.map(\.status) == [.onHold, .onHold, .active])
        #expect(e.months.map(\.score) == [nil, nil, 85])
        #expect(e.months.map(\.rank) == [nil, nil, 1])
        #expect(e.averageScore == 85)
        #expect(e.monthsRanked == 1)
        #expect(e.rank == 1)
    }

    @Test("equal averages share a rank (1, 1, 3, 4, 4, 6), ties listed by key; never ranked last, without rank")
    func sharedRanks() throws {
        let projects = Self.report.projects
        #expect(projects.map(\.key) == ["A", "E", "B", "C", "G", "D", "F"])
        #expect(projects.map(\.rank) == [1, 1, 3, 4, 4, 6, nil])
        // 85 over three months and 85 over one are the same average, whatever the division.
        #expect(try project("A").averageScore == (try project("E").averageScore))
        let f = try project("F")
        #expect(f.averageScore == nil)
        #expect(f.monthsRanked == 0)
        #expect(f.months.map(\.status) == [.proposed, .proposed, .proposed])
    }

    @Test("a tie is not broken by key: renaming the keys keeps the shared rank")
    func tieNotBrokenByKey() {
        let report = YearlyReport(
            year: 2026, monthlyReports: Y.reports(["Z-FIRST": [.onTime, .late], "A-LAST": [.late, .onTime]]))
        #expect(report.projects.map(\.rank) == [1, 1])
        #expect(report.projects.map(\.averageScore) == [82.5, 82.5])
    }

    @Test("units: projects, the average over all their ranked project-months, months ranked, times called in")
    func unitRollUp() throws {
        let units = Self.report.units
        #expect(units.map(\.unitCode) == ["BOF", "CC3", "CC1", "TECH"])
        #expect(units.map(\.rank) == [1, 2, 3, nil])
        #expect(units.map(\.projects) == [1, 2, 3, 1])
        #expect(units.map(\.monthsRanked) == [1, 6, 9, 0])
        #expect(units.map(\.timesCalledIn) == [0, 0, 2, 0])
        // CC3: A 85 + 85 + 85 and B 85 + 80 + 85; CC1: C and G 80 × 3, D 25 + 25 + 85.
        let averages: [Double?] = [85, 505.0 / 6, 615.0 / 9, nil]
        #expect(units.map(\.averageScore) == averages)
    }

    @Test("units with equal averages share a rank")
    func unitTies() {
        let report = YearlyReport(
            year: 2026,
            monthlyReports: Y.reports(
                ["P": [.onTime, .onTime], "Q": [.onHold, .onTime], "R": [.late, .late], "S": [.late, .behind]],
                units: ["P": "U2", "Q": "U1", "R": "U3", "S": "U3"]))
        #expect(report.units.map(\.unitCode) == ["U1", "U2", "U3"])
        #expect(report.units.map(\.rank) == [1, 1, 3])
        #expect(report.units.map(\.averageScore) == [85, 85, 68.75])
    }

    @Test("a project opened during the year has blank months before; title, unit and leader are the latest month's")
    func projectOpenedLater() throws {
        let reports = [
            Y.report(1, [Y.project("A", .onTime, in: 1)]),
            Y.report(
                2,
                [
                    Y.project("A", .onTime, in: 2),
                    Y.project("NEW", .late, in: 2, unit: "CC1", title: "旧名称", leaderName: "李娜"),
                ]),
            Y.report(
                3,
                [
                    Y.project("A", .onTime, in: 3),
                    Y.project("NEW", .late, in: 3, unit: "CC2", title: "新名称", leaderName: "张伟"),
                ]),
        ]
        let report = YearlyReport(year: 2026, monthlyReports: reports)
        let new = try #require(report.projects.first { $0.key == "NEW" })
        #expect(new.months.map(\.status) == [nil, .active, .active])
        #expect(new.months.map(\.calledIn) == [false, false, false])
        #expect(new.averageScore == 80)
        #expect(new.monthsRanked == 2)
        #expect((new.title, new.unitCode, new.leaderName) == ("新名称", "CC2", "张伟"))
        #expect(report.units.map(\.unitCode) == ["CC3", "CC2"])
    }

    @Test("reports in any order are sorted; another year's reports are left out")
    func orderAndOtherYears() {
        let lastYear = MonthlyReport(
            facts: MonthlyReportFacts(
                month: try! Month(year: 2025, month: 12), projects: [Y.project("A", .missing, in: 1)]))
        let report = YearlyReport(year: 2026, monthlyReports: Self.monthly.reversed() + [lastYear])
        #expect(report == Self.report)
    }

    @Test("no month: nothing to sum up")
    func empty() {
        let report = YearlyReport(year: 2027, monthlyReports: [])
        #expect(report.months.isEmpty)
        #expect(report.projects.isEmpty)
        #expect(report.units.isEmpty)
        let noProjects = YearlyReport(year: 2026, monthlyReports: [Y.report(1, [])])
        #expect(noProjects.months == [Y.month(1)])
        #expect(noProjects.projects.isEmpty)
    }

    @Test("JSON round-trips with snake_case keys")
    func json() throws {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let text = String(decoding: try encoder.encode(Self.report), as: UTF8.self)
        for key in ["average_score", "months_ranked", "times_called_in", "unit_code", "leader_name", "called_in"] {
            #expect(text.contains("\"\(key)\""), "\(key)")
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        #expect(try decoder.decode(YearlyReport.self, from: Data(text.utf8)) == Self.report)
    }
}
