import ReportFixtures
import TackleDomain
import Testing

@testable import TackleReport

/// The text a plant manager reads in a terminal or posts.
@Suite("Monthly report: text")
struct MonthlyReportTextTests {
    typealias F = ReportFixture

    /// Chinese and ASCII titles and names of different widths, so that counting characters
    /// instead of terminal columns would shift every column after them.
    static let report = F.report([
        F.project(
            "SLAB-CRACK-2026",
            trials: [
                F.trial(3, outcome: F.counts(6, of: 650)),
                F.trial(4, lever: "轻压下", outcome: F.counts(0, of: 40), parameters: ["soft_reduction=4.5mm"]),
            ],
            milestones: [
                F.milestone(1, "二冷水优化方案", due: "2026-05-20", done: "2026-05-18"),
                F.milestone(2, "轻压下参数", due: "2026-06-30"),
            ]
        ),
        F.project("CORNER-2026", title: "角横裂 corner cracks", leaderName: "欧阳建国", status: .onHold, month: nil),
        F.project(
            "SR-T1", title: "Centre cracks", leaderName: "Li Na", dueOn: "2026-05-19", month: F.counts(64, of: 2000)),
        F.project("OLD-2025", title: "中心裂纹", status: .completed, closedOn: "2026-05-20"),
    ])

    /// The lines of the ranking table: header, underline and the rows, up to the first empty line.
    static func tableLines(_ text: String, header: String = "RANK") -> [Substring] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let start = lines.firstIndex { $0.drop { $0 == " " }.hasPrefix(header) }!
        let end = lines[start...].firstIndex { $0.isEmpty }!
        return Array(lines[start..<end])
    }

    /// The terminal column where `cell` starts in `line`, searching from `from`, which moves past it.
    static func column(of cell: String, in line: Substring, from: inout Substring.Index) throws -> Int {
        let range = try #require(line[from...].firstRange(of: cell), "'\(cell)' in '\(line)'")
        from = range.upperBound
        return TextWidth.columns(of: line[..<range.lowerBound])
    }

    @Test(
        "every column of the ranking starts at the same terminal column, Chinese or not", arguments: Language.allCases)
    func rankingLinesUp(language: Language) throws {
        let text = Self.report.renderText(language: language)
        let zh = language == .zh
        let lines = Self.tableLines(text, header: zh ? "排名" : "RANK")
        try #require(lines.count == 2 + 2)
        let headers = zh ? ["项目", "负责人", "评价"] : ["PROJECT", "LEADER", "JUDGEMENT"]
        var from = lines[0].startIndex
        let expected = try headers.map { try Self.column(of: $0, in: lines[0], from: &from) }
        let rows =
            zh
            ? [["SLAB-CRACK-2026", "王磊", "正常"], ["SR-T1", "Li Na", "滞后"]]
            : [["SLAB-CRACK-2026", "王磊", "on track"], ["SR-T1", "Li Na", "off track"]]
        for (line, cells) in zip(lines.dropFirst(2), rows) {
            var from = line.startIndex
            let starts = try cells.map { try Self.column(of: $0, in: line, from: &from) }
            #expect(starts == expected, "\(line)")
        }
        // Scores are right-aligned: they end where their header ends.
        let scoreHeader = zh ? "得分" : "SCORE"
        let scoreEnd = TextWidth.columns(
            of: lines[0][..<(try #require(lines[0].firstRange(of: scoreHeader))).upperBound])
        let scores = Self.report.projects.compactMap(\.score).map { String($0.total) }
        for (line, score) in zip(lines.dropFirst(2), scores) {
            let range = try #require(line.firstRange(of: " \(score) "))
            #expect(TextWidth.columns(of: line[..<range.upperBound]) - 1 == scoreEnd, "\(line)")
        }
    }

    @Test("the posting fits 100 columns with long Chinese titles, wrapping them whole", arguments: Language.allCases)
    func postingFits100Columns(language: Language) throws {
        let title = "微合金钢板坯角部横裂纹与表面纵裂纹综合治理及二冷水轻压下参数优化攻关项目（党建攻关）"
        let leader = "欧阳建国与司马相如"
        let report = F.report([
            F.project("MICROALLOY-CORNER-CRACK-2026", title: title, leaderName: leader),
            F.project("B", month: nil), F.project("C", month: nil), F.project("D", month: nil),
        ])
        let text = report.renderText(language: language)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for line in lines {
            #expect(TextWidth.columns(of: line) <= 100, "\(TextWidth.columns(of: line)) columns: \(line)")
        }
        // The title is wrapped, not cut: its pieces, read down the column, give it back whole.
        let table = Self.tableLines(text, header: language == .zh ? "排名" : "RANK")
        let start = try #require(table[2].firstRange(of: "MICROALLOY")).lowerBound
        let column = TextWidth.columns(of: table[2][..<start])
        var joined = ""
        for line in table.dropFirst(2) {
            var used = 0
            for character in line {
                if used >= column && used < column + 28 && character != " " { joined.append(character) }
                used += TextWidth.columns(of: character)
            }
        }
        #expect(joined.hasPrefix("MICROALLOY-CORNER-CRACK-2026" + title))
        #expect(!text.contains("…"))
    }

    @Test("the trials of a project line up with a Chinese lever")
    func trialsLineUp() throws {
        let lines = Self.report.renderText().split(separator: "\n")
        let header = try #require(lines.first { $0.hasPrefix("    TRIAL") })
        let t3 = try #require(lines.first { $0.hasPrefix("    T3 ") })
        let t4 = try #require(lines.first { $0.hasPrefix("    T4 ") })
        for (headerCell, cells) in [
            ("PARAMETERS", ["specific_water", "soft_reduction"]), ("VERDICT", ["better", "no detectable"]),
        ] {
            var from = header.startIndex
            let expected = try Self.column(of: headerCell, in: header, from: &from)
            var fromT3 = t3.startIndex
            var fromT4 = t4.startIndex
            #expect(try Self.column(of: cells[0], in: t3, from: &fromT3) == expected)
            #expect(try Self.column(of: cells[1], in: t4, from: &fromT4) == expected)
        }
    }

    @Test("no trailing spaces, no tabs, one final newline, titles kept on one line")
    func clean() {
        let report = F.report([F.project(title: "板坯纵裂\n攻关\t ", leaderName: "王磊 ")])
        for text in [Self.report.renderText(), report.renderText()] {
            #expect(text.hasSuffix("\n"))
            #expect(!text.hasSuffix("\n\n"))
            #expect(!text.contains("\t"))
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                #expect(line.last != " ", "trailing space: '\(line)'")
            }
        }
        #expect(report.renderText().contains("SLAB-CRACK-2026  板坯纵裂 攻关 — leader 王磊 (E1001)"))
        #expect(report.renderText(language: .zh).contains("SLAB-CRACK-2026  板坯纵裂 攻关 — 负责人 王磊 (E1001)"))
    }

    @Test("shows scores and their parts, judgements, the called-in projects, figures, trials and milestones")
    func figures() {
        let text = Self.report.renderText(language: .en)
        for expected in [
            "tackle monthly assessment 2026-05 (as of 2026-05-31)\n",
            "Metric: longitudinal crack rate; baseline 48/1500 = 3.20% (2026-01..2026-03); target 0.50%",
            "2026-05: 21/1450 = 1.45% (95% CI 0.95-2.20%); 2026-04: 30/1400 = 2.14%; gap closed 65% (expected",
            "Judgement: on track, rank 1 of 2 — month rate 1.45% is on the glide path (≤ 2.09%)",
            "progress 50/50: month rate 1.45% is on the glide path (≤ 2.09%)",
            "reporting 10/10: figures recorded by the deadline 2026-06-05",
            // Holm over T3 and T4: 2 × 0.0013738 (scipy 1.17.1 fisher_exact([[48, 1452], [6, 644]])).
            "6/650  0.92% (0.42-2.00%)  better (Fisher p 0.0014,",
            "Holm 0.0027)",
            "Verdicts from Fisher's exact test, p adjusted by Holm over the project's 2 trials to the month's",
            "0/40  0.00% (0.00-8.76%)  no detectable change",
            "(Fisher p 0.6338, Holm",
            "二冷水优化方案  2026-05-20  done on time  2026-05-18  李娜",
            "Milestones: 1/2 done; next: #2 轻压下参数 due 2026-06-30",
            "Judgement: not ranked — on hold at the month's end: not scored or ranked",
            "Judgement: off track, rank 2 of 2 — past the due date by 12 days; month rate 3.20% is not below",
            "Judgement: closed — completed on 2026-05-20",
            "Plant summary: 4 projects (2 active, 1 on hold, 1 completed); 1 on track, 1 off track, 1 not ranked, 1",
            "Behind (off track): SR-T1; at risk: none",
            "Called in for a talk: none (fewer than 4 projects ranked)",
        ] {
            #expect(text.contains(expected), "missing: \(expected)")
        }
        let chinese = Self.report.renderText(language: .zh)
        for expected in [
            "攻关项目月度考核 2026-05（数据截至 2026-05-31）\n",
            "评价：正常，排名 1/2 — 本月缺陷率 1.45%，不高于计划值 2.09%",
            "评价：不排名 — 月末处于暂停状态，不评分、不排名",
            "评价：已结项 — 已完成（2026-05-20）",
            "全厂汇总：项目 4 个（进行中 2、暂停 1、已完成 1）；正常 1、滞后 1、不排名 1、已结项 1",
            "末位约谈：无（参加排名的项目不足 4 个）",
            "不参加排名的项目：",
        ] {
            #expect(chinese.contains(expected), "missing: \(expected)")
        }
    }

    @Test("the called-in projects and why, in both languages")
    func calledIn() {
        let report = F.report([
            F.project("BEST"), F.project("B", month: nil), F.project("C", month: F.counts(50, of: 2000)),
            F.project("D", month: F.counts(50, of: 2000)), F.project("E", month: F.counts(50, of: 2000)),
        ])
        let english = report.renderText(language: .en)
        #expect(
            english.contains(
                "Called in for a talk:\n  B 板坯纵裂攻关 — 王磊\n    score 25: rank 5 of 5, among the 3 lowest scores; no defect figures for 2026-05\n"
            ))
        #expect(english.contains("   2  C 板坯纵裂攻关"))
        let chinese = report.renderText(language: .zh)
        #expect(chinese.contains("末位约谈：\n  B 板坯纵裂攻关 — 王磊\n    得分 25：得分排名第 5/5，处于末 3 位；2026-05 无缺陷数据\n"))
    }

    @Test("each project's six-month trend: a sparkline on its own scale in the ranking and in its section")
    func trend() throws {
        var crack = F.project("SLAB-CRACK-2026")
        crack.recentMonths = [
            .init(month: try Month(year: 2025, month: 12), counts: F.counts(48, of: 1500)),
            .init(month: try Month(year: 2026, month: 1), counts: nil),
            .init(month: try Month(year: 2026, month: 2), counts: F.counts(40, of: 1000)),
            .init(month: try Month(year: 2026, month: 3), counts: F.counts(11, of: 1000)),
        ]
        // A rare defect: every month at its own baseline of 0.80 %, far below the other project's rates.
        var rare = F.project(
            "RARE-2026", baseline: F.counts(8, of: 1000), targetRate: 0.001, month: F.counts(8, of: 1000),
            previousMonth: F.counts(8, of: 1000))
        rare.recentMonths = (0..<4).map { .init(month: F.month.adding(months: $0 - 5), counts: F.counts(8, of: 1000)) }
        let report = F.report([crack, rare])
        // Python: "▁▂▃▄▅▆▇█"[min(7, int(rate / top * 8))] with top = max(rates + [baseline]): for
        // 48/1500, -, 40/1000, 11/1000, 30/1400, 21/1450 against 48/1500, top = 0.04 and the steps are
        // 6.4, -, 8.0, 2.2, 4.29, 2.90; for six months of 8/1000 against 8/1000, every step is 8.
        let crackLine = "▇·█▃▅▃"
        let rareLine = "██████"
        for language in Language.allCases {
            let text = report.renderText(language: language)
            let zh = language == .zh
            let lines = Self.tableLines(text, header: zh ? "排名" : "RANK")
            var from = lines[0].startIndex
            let column = try Self.column(of: zh ? "近六月" : "TREND", in: lines[0], from: &from)
            for (key, sparkline) in [("SLAB-CRACK-2026", crackLine), ("RARE-2026", rareLine)] {
                let row = try #require(lines.first { $0.contains(key) })
                var rowFrom = row.startIndex
                #expect(try Self.column(of: sparkline, in: row, from: &rowFrom) == column, "\(row)")
            }
            #expect(
                text.contains(
                    zh
                        ? "  近六月走势 2025-12..2026-05：\(crackLine)（0 至 4.00%，即基准与最高月中的较高者；· 为无数据）\n"
                        : "  Trend 2025-12..2026-05: \(crackLine) (0 to 4.00%: the baseline or the highest month; "
                            + "· no figures)\n"), "\(text)")
            #expect(text.contains(zh ? "近六月走势 2025-12..2026-05：\(rareLine)（0 至 0.80%" : ": \(rareLine) (0 to 0.80%"))
        }
    }

    @Test("a report published before the trend was part of it renders without one")
    func withoutTrend() throws {
        var report = Self.report
        for index in report.projects.indices { report.projects[index].recentMonths = nil }
        let text = report.renderText()
        #expect(!text.contains("Trend "))
        #expect(!text.contains(where: { Sparkline.blocks.contains($0) }))
        let lines = Self.tableLines(text)
        #expect(lines[0].contains("TREND"))
        // The score, then the blank trend cell, then the judgement.
        let row = try #require(lines.first { $0.contains("SLAB-CRACK-2026") })
        #expect(row.contains(" 93" + String(repeating: " ", count: 2 + "TREND".count + 2) + "on track"), "\(row)")
    }

    /// The trend comes from the month (21/1450) and the month before (30/1400) on the scale 0 to the
    /// baseline 3.20 %: Python `int(21/1450 / 0.032 * 8)` = 3 (▄), `int(30/1400 / 0.032 * 8)` = 5 (▆).
    @Test("a small report, exactly")
    func exactOutput() {
        let report = F.report([
            F.project(
                title: "纵裂",
                trials: [
                    F.trial(1, lever: "二冷水", outcome: F.counts(6, of: 650), parameters: ["specific_water=0.62L/kg"])
                ],
                milestones: [F.milestone(1, "方案", due: "2026-05-20", done: "2026-05-18")]
            )
        ])
        let expected = """
            攻关项目月度考核 2026-05（数据截至 2026-05-31）
            评分细则第 1 版（自 2000-01 起）：指标进度 50、节点完成 25、试验工作 15、数据报送 10；末位约谈 3 个

            排名  项目                  负责人  得分  近六月  评价  约谈  备注
            ----  --------------------  ------  ----  ------  ----  ----  ----
               1  SLAB-CRACK-2026 纵裂  王磊      93  ····▆▄  正常

            末位约谈：无（参加排名的项目不足 4 个）

            全厂汇总：项目 1 个（进行中 1）；正常 1
            滞后：无；有风险：无
              longitudinal crack rate：1 个项目，1 个报送数据，合计 21/1450；本月结束试验 1 次（6/650）

            SLAB-CRACK-2026  纵裂 — 负责人 王磊 (E1001), 单位 CC3
              状态：进行中，2026-01-01 开始，2026-12-31 到期（剩 214 天）
              指标：longitudinal crack rate；基准 48/1500 = 3.20% (2026-01..2026-03)；目标 0.50%
              2026-05: 21/1450 = 1.45% (95% CI 0.95-2.20%); 2026-04: 30/1400 = 2.14%; 差距缩小 65%（计划 41%）
              近六月走势 2025-12..2026-05：····▆▄（0 至 3.20%，即基准与最高月中的较高者；· 为无数据）
              评价：正常，排名 1/1 — 本月缺陷率 1.45%，不高于计划值 2.09%
              得分：93（评分细则第 1 版）
                指标进度 50/50：本月缺陷率 1.45%，不高于计划值 2.09%
                节点完成 25/25：到期节点 1 个：按期完成 1 个，延期完成 0 个
                试验工作 8/15：近 3 个月试验 1 次，已写结论 0 次
                数据报送 10/10：数据按期报送（截止 2026-06-05）
              本月结束的试验：
                试验  措施    参数                      结果  缺陷率 (95% CI)     结论
                ----  ------  -----------------------  -----  ------------------  ----------------------
                T1    二冷水  specific_water=0.62L/kg  6/650  0.92% (0.42-2.00%)  改善 (Fisher p 0.0014)
              本月到期节点：
                #  节点  到期        状态      完成        负责人
                -  ----  ----------  --------  ----------  ------
                1  方案  2026-05-20  按期完成  2026-05-18  李娜
              节点：完成 1/1

            """
        #expect(report.renderText(language: .zh) == expected)
    }

    @Test("an empty month says so")
    func empty() {
        #expect(
            F.report([]).renderText()
                == "tackle monthly assessment 2026-05 (as of 2026-05-31)\n"
                + "rubric version 1 (from 2000-01): progress 50, milestones 25, trials 15, reporting 10; 3 lowest\n"
                + "  called in\n\nno projects active in 2026-05\n")
        #expect(F.report([]).renderText(language: .zh).contains("2026-05 无进行中的攻关项目"))
    }

    @Test("a month still running says so")
    func incomplete() {
        let report = MonthlyReport(
            facts: MonthlyReportFacts(month: F.month, asOf: F.date("2026-05-20"), projects: [F.project()]))
        #expect(report.renderText(language: .en).contains("as of 2026-05-20, month incomplete\n"))
        #expect(report.renderText(language: .zh).contains("截至 2026-05-20，本月尚未结束，数据不完整\n"))
    }
}
