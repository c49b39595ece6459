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

    /// The lines of the ranking table: header, underline and one row per project.
    static func tableLines(_ text: String) -> [Substring] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let start = lines.firstIndex { $0.hasPrefix("RANK") }!
        let end = lines[start...].firstIndex { $0.isEmpty }!
        return Array(lines[start..<end])
    }

    /// The terminal column where `cell` starts in `line`, searching from `from`, which moves past it.
    static func column(of cell: String, in line: Substring, from: inout Substring.Index) throws -> Int {
        let range = try #require(line[from...].firstRange(of: cell), "'\(cell)' in '\(line)'")
        from = range.upperBound
        return TextWidth.columns(of: line[..<range.lowerBound])
    }

    @Test("every column of the ranking starts at the same terminal column, Chinese or not")
    func rankingLinesUp() throws {
        let lines = Self.tableLines(Self.report.renderText())
        try #require(lines.count == 2 + Self.report.projects.count)
        let headers = ["PROJECT", "TITLE", "LEADER", "JUDGEMENT", "DUE"]
        var from = lines[0].startIndex
        let expected = try headers.map { try Self.column(of: $0, in: lines[0], from: &from) }
        let rows = [
            ["SLAB-CRACK-2026", "板坯纵裂攻关", "王磊", "on track", "214 days left"],
            ["CORNER-2026", "角横裂 corner cracks", "欧阳建国", "at risk", "214 days left"],
            ["SR-T1", "Centre cracks", "Li Na", "off track", "overdue by 12 days"],
            ["OLD-2025", "中心裂纹", "王磊", "closed", "completed 2026-05-20"],
        ]
        for (line, cells) in zip(lines.dropFirst(2), rows) {
            var from = line.startIndex
            let starts = try cells.map { try Self.column(of: $0, in: line, from: &from) }
            #expect(starts == expected, "\(line)")
        }
        // Right-aligned numbers end where their header ends.
        let gapEnd = try #require(lines[0].firstRange(of: "GAP CLOSED")).upperBound
        let gapEndColumn = TextWidth.columns(of: lines[0][..<gapEnd])
        for (line, gap) in zip(lines.dropFirst(2), ["65%", "-", "0%", "65%"]) {
            var from = try #require(line.firstRange(of: "0.50%")).upperBound
            let start = try Self.column(of: "  " + gap, in: line, from: &from) + 2
            #expect(start + TextWidth.columns(of: gap) == gapEndColumn, "\(line)")
        }
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
    }

    @Test("shows the figures, the judgement, the trials and the milestones")
    func figures() {
        let text = Self.report.renderText()
        for expected in [
            "tackle monthly status 2026-05 (as of 2026-05-31)\n",
            "1.45% (0.95-2.20%)",
            "Metric: longitudinal crack rate; baseline 48/1500 = 3.20% (2026-01..2026-03); target 0.50%",
            "2026-05: 21/1450 = 1.45% (95% CI 0.95-2.20%); 2026-04: 30/1400 = 2.14%; gap closed 65% (expected 41%)",
            "Judgement: on track (rank 1 of 3) — on the glide path: 1.45% ≤ expected 2.09%",
            "6/650  0.92% (0.42-2.00%)  better than baseline (Fisher p 0.0014)",
            "no detectable change (Fisher p 0.6338), about 201 more slabs needed",
            "二冷水优化方案  2026-05-20  done on time  2026-05-18  李娜",
            "Milestones: 1/2 done; next: #2 轻压下参数 due 2026-06-30",
            "2026-05: no figures; 2026-04: 30/1400 = 2.14%",
            "Judgement: at risk (rank 2 of 3) — on hold; no defect figures for 2026-05",
            "Judgement: off track (rank 3 of 3) — past due date by 12 days; "
                + "month rate 3.20% is not below the baseline 3.20%",
            "Judgement: closed — completed on 2026-05-20",
            "Plant summary: 4 projects (2 active, 1 on hold, 1 completed); 1 on track, 1 at risk, 1 off track, 1 closed",
            "Behind (off track): SR-T1; at risk: CORNER-2026",
            "Production in 2026-05: 4900 slabs inspected, 106 defective (figures of 3 of 4 projects)",
            "Trials ended in 2026-05: 2 (690 slabs inspected, 6 defective)",
            "Bottom three (called in for a talk): SR-T1 (Li Na), CORNER-2026 (欧阳建国), SLAB-CRACK-2026 (王磊)",
        ] {
            #expect(text.contains(expected), "missing: \(expected)")
        }
        let corner = Self.tableLines(text).first { $0.contains("CORNER-2026") }
        #expect(corner?.contains("no figures") == true)
    }

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
            tackle monthly status 2026-05 (as of 2026-05-31)

            RANK  PROJECT          TITLE  LEADER  STATUS  JUDGEMENT  MONTH RATE (95% CI)   PREV  BASELINE  TARGET  GAP CLOSED  DUE
            ----  ---------------  -----  ------  ------  ---------  -------------------  -----  --------  ------  ----------  -------------
               1  SLAB-CRACK-2026  纵裂   王磊    active  on track   1.45% (0.95-2.20%)   2.14%     3.20%   0.50%         65%  214 days left

            Plant summary: 1 project (1 active); 1 on track
            Behind (off track): none; at risk: none
            Production in 2026-05: 1450 slabs inspected, 21 defective (figures of 1 of 1 project)
            Trials ended in 2026-05: 1 (650 slabs inspected, 6 defective)
            Bottom three (called in for a talk): SLAB-CRACK-2026 (王磊)

            SLAB-CRACK-2026  纵裂 — leader 王磊 (E1001), unit CC3
              Status: active, opened 2026-01-01, due 2026-12-31 (214 days left)
              Metric: longitudinal crack rate; baseline 48/1500 = 3.20% (2026-01..2026-03); target 0.50%
              2026-05: 21/1450 = 1.45% (95% CI 0.95-2.20%); 2026-04: 30/1400 = 2.14%; gap closed 65% (expected 41%)
              Judgement: on track (rank 1 of 1) — on the glide path: 1.45% ≤ expected 2.09%
              Trials ended in 2026-05:
                TRIAL  LEVER   PARAMETERS               OUTCOME  RATE (95% CI)       VERDICT
                -----  ------  -----------------------  -------  ------------------  --------------------------------------
                T1     二冷水  specific_water=0.62L/kg    6/650  0.92% (0.42-2.00%)  better than baseline (Fisher p 0.0014)
              Milestones due in 2026-05:
                #  MILESTONE  DUE         STATE         DONE        OWNER
                -  ---------  ----------  ------------  ----------  -----
                1  方案       2026-05-20  done on time  2026-05-18  李娜
              Milestones: 1/1 done

            """
        #expect(report.renderText() == expected)
    }

    @Test("an empty month says so")
    func empty() {
        #expect(
            F.report([]).renderText()
                == "tackle monthly status 2026-05 (as of 2026-05-31)\n\nno projects active in 2026-05\n")
    }
}
