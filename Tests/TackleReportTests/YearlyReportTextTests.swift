import ReportFixtures
import TackleDomain
import Testing

@testable import TackleReport

/// The year summed up as text, for the awards meeting and the target letters.
@Suite("Yearly report: text")
struct YearlyReportTextTests {
    typealias F = ReportFixture

    /// What a project did in a month, by the standard rubric: on time 85, late 80 (both on
    /// track), figures missing 25 (at risk), on hold not ranked.
    enum Work {
        case onTime
        case late
        case missing
        case onHold
    }

    /// A project's facts in a month of 2026.
    static func project(
        _ key: String, _ work: Work, in month: Int, unit: String = "CC3", title: String = "板坯纵裂攻关",
        leaderName: String = "王磊"
    ) -> ProjectFacts {
        let deadline = (try! Month(year: 2026, month: month)).adding(months: 1).firstDay
        let recordedOn = (work == .late ? deadline.adding(days: 9) : deadline.adding(days: 2)).description
        var facts = F.project(
            key, title: title, leaderName: leaderName, status: work == .onHold ? .onHold : .active,
            month: work == .missing ? nil : F.counts(5, of: 1450), recordedOn: recordedOn)
        facts.unitCode = unit
        return facts
    }

    /// The report of a month of 2026.
    static func monthly(_ month: Int, _ projects: [ProjectFacts]) -> MonthlyReport {
        MonthlyReport(facts: MonthlyReportFacts(month: try! Month(year: 2026, month: month), projects: projects))
    }

    /// January and February 2026, five projects with Chinese and ASCII titles and names of
    /// different widths. In February MOULD-2026 has no figures and is called in.
    static let small: YearlyReport = {
        func slab(_ month: Int) -> ProjectFacts { project("SLAB-CRACK-2026", .onTime, in: month) }
        func corner(_ month: Int, _ work: Work) -> ProjectFacts {
            project("CORNER-2026", work, in: month, unit: "CC1", title: "角横裂 corner cracks", leaderName: "欧阳建国")
        }
        func centre(_ month: Int) -> ProjectFacts {
            project("SR-T1", .late, in: month, unit: "CC1", title: "Centre cracks", leaderName: "Li Na")
        }
        let mould = project(
            "MOULD-2026", .missing, in: 2, unit: "PB-CC", title: "结晶器液面波动攻关", leaderName: "黄海涛")
        let old = project("OLD-2026", .onTime, in: 2, title: "中心裂纹", leaderName: "张伟")
        return YearlyReport(
            year: 2026,
            monthlyReports: [
                monthly(1, [slab(1), corner(1, .late), centre(1)]),
                monthly(2, [slab(2), corner(2, .onHold), centre(2), mould, old]),
            ])
    }()

    /// Twelve months, eight projects with long keys and long Chinese titles and names, and the
    /// widest cells there are: 100 and 100 called in.
    static let fullYear: YearlyReport = {
        let title = "微合金钢板坯角部横裂纹与表面纵裂纹综合治理及二冷水轻压下参数优化攻关项目（党建攻关）"
        let keys = (1...8).map { "MICROALLOY-2026-\($0)" }
        let reports = (1...12).map { month in
            monthly(
                month,
                keys.enumerated().map { index, key in
                    project(
                        key, index == 7 ? .missing : (index + month).isMultiple(of: 3) ? .late : .onTime, in: month,
                        unit: "PB-CONTINUOUS-CASTING-\(index % 3)", title: "\(title)\(index)", leaderName: "欧阳建国与司马相如")
                })
        }
        var report = YearlyReport(year: 2026, monthlyReports: reports)
        report.projects[0].months[0].score = 100
        report.projects[1].months[11].score = 100
        report.projects[1].months[11].calledIn = true
        return report
    }()

    /// The terminal column where `cell` ends in `line`.
    static func end(of cell: String, in line: Substring) throws -> Int {
        let range = try #require(line.firstRange(of: cell), "'\(cell)' in '\(line)'")
        return TextWidth.columns(of: line[..<range.upperBound])
    }

    /// The terminal column where `cell` starts in `line`.
    static func start(of cell: String, in line: Substring) throws -> Int {
        let range = try #require(line.firstRange(of: cell), "'\(cell)' in '\(line)'")
        return TextWidth.columns(of: line[..<range.lowerBound])
    }

    /// The lines of the text from the one starting with `header` up to the first empty line.
    static func table(_ text: String, header: String) throws -> [Substring] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex { $0.hasPrefix(header) })
        let end = try #require(lines[start...].firstIndex { $0.isEmpty })
        return Array(lines[start..<end])
    }

    @Test("an exact small rendering, in English")
    func exactEnglish() {
        #expect(
            Self.small.renderText(language: .en) == """
                tackle yearly assessment 2026 (months 2026-01..2026-02)
                the year has not ended: summed up to 2026-02
                monthly scores by each month's rubric; average over the months ranked; equal averages share a rank

                Projects by yearly rank:
                RANK  PROJECT           AVG  RANKED  CALLED    01    02
                ----  ---------------  ----  ------  ------  -----------
                   1  OLD-2026         85.0       1       0        85/1
                   1  SLAB-CRACK-2026  85.0       2       0  85/1  85/1
                   3  CORNER-2026      80.0       1       0  80/2     -
                   3  SR-T1            80.0       2       0  80/2  80/3
                   5  MOULD-2026       25.0       1       1        25/4*
                months show score/rank, * when called in for a talk
                - not ranked that month (on hold, proposed or closed); blank: not listed that month
                RANKED: months ranked; CALLED: times called in for a talk

                Projects:
                PROJECT          TITLE                 UNIT   LEADER
                ---------------  --------------------  -----  --------
                OLD-2026         中心裂纹              CC3    张伟
                SLAB-CRACK-2026  板坯纵裂攻关          CC3    王磊
                CORNER-2026      角横裂 corner cracks  CC1    欧阳建国
                SR-T1            Centre cracks         CC1    Li Na
                MOULD-2026       结晶器液面波动攻关    PB-CC  黄海涛

                Units by yearly rank (work areas, sections, party branches):
                RANK  UNIT   PROJECTS   AVG  RANKED  CALLED
                ----  -----  --------  ----  ------  ------
                   1  CC3           2  85.0       3       0
                   2  CC1           2  80.0       3       0
                   3  PB-CC         1  25.0       1       1
                AVG: the mean of its projects' scores over all their ranked months
                RANKED: its projects' ranked months in all; CALLED: times its projects were called in

                """)
    }

    @Test("the same in Chinese")
    func exactChinese() {
        let text = Self.small.renderText(language: .zh)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "攻关项目年度考核汇总 2026（1-2 月）")
        #expect(lines.contains("全年尚未结束：汇总至 2026-02"))
        #expect(lines.contains("排名  项目             平均分  月数  约谈    01    02"))
        #expect(lines.contains("   5  MOULD-2026         25.0     1     1        25/4*"))
        #expect(lines.contains("各月为“得分/当月排名”，* 为当月末位约谈"))
        #expect(lines.contains("CORNER-2026      角横裂 corner cracks  CC1    欧阳建国"))
        #expect(lines.contains("排名  单位   项目数  平均分  月次  约谈"))
        #expect(lines.contains("   3  PB-CC       1    25.0     1     1"))
        #expect(text.hasSuffix("各项目被约谈次数之和\n"))
    }

    @Test("both languages: clean lines, one final newline, within 100 columns", arguments: Language.allCases)
    func clean(language: Language) {
        for report in [Self.small, Self.fullYear] {
            let text = report.renderText(language: language)
            #expect(text.hasSuffix("\n"))
            #expect(!text.hasSuffix("\n\n"))
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                #expect(line.last != " ", "trailing space: '\(line)'")
                #expect(TextWidth.columns(of: line) <= 100, "\(TextWidth.columns(of: line)) columns: \(line)")
            }
        }
    }

    @Test("the legend's columns line up after Chinese titles and names", arguments: Language.allCases)
    func legendLinesUp(language: Language) throws {
        let zh = language == .zh
        let text = Self.small.renderText(language: language)
        let lines = try Self.table(text, header: zh ? "项目  " : "PROJECT  ")
        try #require(lines.count == 2 + 5)
        let unit = try Self.start(of: zh ? "单位" : "UNIT", in: lines[0])
        let leader = try Self.start(of: zh ? "负责人" : "LEADER", in: lines[0])
        let rows = [("CC3", "张伟"), ("CC3", "王磊"), ("CC1", "欧阳建国"), ("CC1", "Li Na"), ("PB-CC", "黄海涛")]
        for (line, (code, name)) in zip(lines.dropFirst(2), rows) {
            #expect(try Self.start(of: "  \(code)  ", in: line) + 2 == unit, "\(line)")
            #expect(try Self.start(of: name, in: line) == leader, "\(line)")
        }
    }

    @Test(
        "a full year: scores only under 01..12, right-aligned, keys whole, every line within 100 columns",
        arguments: Language.allCases)
    func fullYearFits(language: Language) throws {
        let zh = language == .zh
        let text = Self.fullYear.renderText(language: language)
        #expect(
            text.hasPrefix(
                zh ? "攻关项目年度考核汇总 2026（1-12 月）\n" : "tackle yearly assessment 2026 (months 2026-01..2026-12)\n"))
        #expect(!text.contains("全年尚未结束") && !text.contains("has not ended"))
        let grid = try Self.table(text, header: zh ? "排名  项目" : "RANK  PROJECT")
        let header = grid[0]
        #expect(header.hasSuffix(" 01  02  03  04  05  06  07  08  09  10  11  12"))
        #expect(!text.contains("/1"), "no score/rank cells in a full year")
        let rows = grid.dropFirst(2).prefix(8)
        for key in Self.fullYear.projects.map(\.key) {
            #expect(rows.contains { $0.contains(" \(key) ") }, "\(key) is not whole on one line")
        }
        // Each month's score ends under its header's last digit, whatever the Chinese before it;
        // the rows are ASCII, so their characters are columns.
        let block = try Self.start(of: " 01", in: header)
        for (row, project) in zip(rows, Self.fullYear.projects) {
            let cells = project.months.map { month in month.score.map(String.init) ?? "-" }
            try #require(row.count > block, "\(row)")
            var from = row.index(row.startIndex, offsetBy: block)
            for (index, cell) in cells.enumerated() {
                let range = try #require(row[from...].firstRange(of: cell), "\(cell) in \(row)")
                from = range.upperBound
                let monthHeader = index < 9 ? "0\(index + 1)" : "\(index + 1)"
                #expect(
                    TextWidth.columns(of: row[..<range.upperBound]) == (try Self.end(of: monthHeader, in: header)),
                    "\(row)")
            }
        }
        #expect(rows.contains { $0.hasSuffix("100*") })
        #expect(!text.contains("…"))
    }

    @Test("a year with no month ended yet says so", arguments: Language.allCases)
    func noMonths(language: Language) {
        let text = YearlyReport(year: 2027, monthlyReports: []).renderText(language: language)
        #expect(
            text
                == (language == .zh
                    ? "攻关项目年度考核汇总 2027（尚无已结束的月份）\n2027 年尚无已结束的月份，无可汇总的得分\n"
                    : "tackle yearly assessment 2027 (no month ended yet)\nno month of 2027 has ended; nothing to sum up\n")
        )
    }
}
