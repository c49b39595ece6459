import ReportFixtures
import TackleDomain
import TackleReport
import Testing

@testable import TackleBoard

/// The project page: its values as the domain builds them, and the page drawn from them.
@Suite("Board: project page")
struct ProjectPageTests {
    typealias F = ReportFixture

    static let project = Project(
        key: "SLAB-CRACK-2026", title: "板坯纵裂攻关", problem: "纵裂", unitCode: "CC3", leaderNo: "E1001",
        leaderName: "王磊", leaderSelection: .open, status: .active, openedOn: F.date("2026-04-01"),
        dueOn: F.date("2026-12-31"), closedOn: nil,
        metric: try! DefectMetric(
            name: "longitudinal crack rate", baseline: F.counts(48, of: 1500),
            baselinePeriod: try! MonthRange.parse("2026-01..2026-03"), targetRate: 0.005),
        version: 1)

    static func trial(
        _ number: Int, _ outcome: Proportion, ended: String, parameters: [String], voided: Bool = false
    )
        -> Trial
    {
        var trial = F.trial(number, outcome: outcome, parameters: parameters)
        trial.endedOn = F.date(ended)
        trial.startedOn = F.date(ended).adding(days: -7)
        if voided { trial.voidedAt = "2026-06-01T00:00:00Z" }
        return trial
    }

    /// T1..T4 by October; T2 void; T5 ends in November, after the page's month; T4 worse.
    static let trials = [
        trial(1, F.counts(6, of: 650), ended: "2026-05-12", parameters: ["soft_reduction=4mm"]),
        trial(2, F.counts(1, of: 400), ended: "2026-06-12", parameters: ["soft_reduction=5mm"], voided: true),
        trial(
            3, F.counts(3, of: 500), ended: "2026-07-12", parameters: ["soft_reduction=5mm", "casting_speed=1.2m/min"]),
        trial(4, F.counts(40, of: 500), ended: "2026-10-20", parameters: ["soft_reduction=6mm"]),
        trial(5, F.counts(0, of: 300), ended: "2026-11-20", parameters: ["soft_reduction=6mm"]),
    ]

    static func page(month: String = "2026-10", asOf: String = "2026-12-02") throws -> ProjectPage {
        let month = try Month.parse(month)
        let first = try Month.parse("2026-01")
        let samples = (0...first.months(until: month)).map { offset in
            ControlChart.Sample(
                firstDay: first.adding(months: offset).firstDay,
                counts: offset == 3 ? nil : F.counts(50 - offset * 4, of: 1500))
        }
        let chart = try ControlChart(
            projectKey: project.key, title: project.title, metricName: project.metric.name,
            baseline: project.metric.baseline, baselinePeriod: project.metric.baselinePeriod, granularity: .month,
            samples: samples,
            trials: [.init(number: 1, startedOn: F.date("2026-05-05"), endedOn: F.date("2026-05-12"))],
            statusChanges: [])
        let history = (1...20).map { id in
            HistoryEntry(
                id: id, instant: 1_780_000_000 + id * 60, actor: "demo", entity: "trial", record: "T\(id)",
                action: id == 20 ? "update" : "insert", oldValues: id == 20 ? #"{"note": "<b>"}"# : nil,
                newValues: id == 20 ? #"{"note": "ok"}"# : nil, reason: nil)
        }
        var cancelled = F.milestone(4, "取消的节点", due: "2026-08-31")
        cancelled.cancelledOn = F.date("2026-07-01")
        return ProjectPage(
            month: month, asOf: F.date(asOf), project: project,
            members: [
                Member(employeeNo: "E1001", name: "王磊", role: .leader, joinedOn: F.date("2026-04-01"), leftOn: nil)
            ],
            milestones: [
                F.milestone(1, "方案", due: "2026-05-31", done: "2026-05-20"),
                F.milestone(2, "试验", due: "2026-07-31", done: "2026-08-15"),
                F.milestone(3, "推广", due: "2026-09-30"),
                cancelled,
                F.milestone(5, "验收", due: "2026-12-31", done: "2026-11-30"),
            ],
            trials: trials, chart: chart, history: history)
    }

    @Test("only trials ended by the month's end and not void count, judged by Holm over them")
    func trialsAsOfTheMonth() throws {
        let page = try Self.page()
        #expect(page.asOf == F.date("2026-10-31"), "a past month counts to its last day")
        #expect(page.trials.map(\.trial.number) == [1, 3, 4])
        let expected = Statistics.compare(
            trials: [F.counts(6, of: 650), F.counts(3, of: 500), F.counts(40, of: 500)],
            baseline: Self.project.metric.baseline, plannedRate: 0.005)
        #expect(page.trials.map(\.comparison) == expected)
        #expect(page.trials.allSatisfy { $0.comparison.comparisons == 3 })
        #expect(page.trials.last?.comparison.verdict == .worse)
    }

    @Test("milestones stand as at the month's end, the cancelled one left out; the latest 15 changes, newest first")
    func milestonesAndHistory() throws {
        let page = try Self.page()
        #expect(page.milestones.map(\.milestone.number) == [1, 2, 3, 5])
        #expect(page.milestones.map(\.state) == [.doneOnTime, .doneLate, .overdue, .open])
        #expect(page.history.map(\.id) == Array((6...20).reversed()))
    }

    @Test("one pooled comparison per parameter the counted trials record")
    func pooled() throws {
        let page = try Self.page()
        #expect(page.parameters.map(\.parameter) == ["casting_speed", "soft_reduction"])
        let soft = try #require(page.parameters.last)
        #expect(soft.groups.map(\.trials) == [[1], [3], [4]], "T2 is void, T5 after the month")
        #expect(soft.trend != nil, "three values in one unit: the trend is tested")
        let speed = try #require(page.parameters.first)
        #expect(speed.groups.map(\.trials) == [[3], [1, 4]], "a value, then the trials without it")
        #expect(speed.trend == nil, "one value: no trend")
    }

    @Test("the page draws a p-chart point per month with a rate, a forest mark per trial, the worse one square")
    func rendering() throws {
        let page = try Self.page()
        let clock = try PlantClock(timeZone: "Asia/Shanghai")
        let html = BoardPage.project(page, language: .zh, clock: clock)
        let markup = PageMarkup(html: html)
        let pchart = try #require(markup.charts("pchart").first)
        #expect(pchart.declaredPoints == page.chart.points.count { $0.rate != nil })
        #expect(pchart.declaredPoints == 9, "ten months, one without figures")
        #expect(pchart.marks == pchart.declaredPoints)
        let forest = try #require(markup.charts("forest").first)
        #expect(forest.declaredPoints == 3)
        #expect(forest.marks == 3)
        #expect(markup.count("<rect class=\"point\"") == 1, "the worse trial's mark is a square")
        #expect(markup.count("<li class=\"m-overdue\">") == 1)
        #expect(markup.count("<li class=\"m-done-late\">") == 1)
        #expect(html.contains("{&quot;note&quot;: &quot;&lt;b&gt;&quot;} → {&quot;note&quot;: &quot;ok&quot;}"))
        #expect(markup.count("<caption>按 ") == 2, "a table per parameter")
        #expect(html.hasPrefix("<!doctype html>\n<html lang=\"zh-Hans\">"))
        #expect(!html.contains("http:") && !html.contains("https:"))
    }

    @Test("a month still running counts to today")
    func runningMonth() throws {
        let page = try Self.page(month: "2026-10", asOf: "2026-10-15")
        #expect(page.asOf == F.date("2026-10-15"))
        #expect(page.trials.map(\.trial.number) == [1, 3], "T4 ends on the 20th")
        #expect(page.milestones.map(\.state) == [.doneOnTime, .doneLate, .overdue, .open])
    }
}
