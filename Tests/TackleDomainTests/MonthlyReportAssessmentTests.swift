import ReportFixtures
import Testing

@testable import TackleDomain

/// The monthly assessment (月度考核): scores from the rubric, the fair ranking, who is called in
/// (末位约谈), the follow-up of last month's talks, and the plant summary.
///
/// With ``ReportFixture``'s defaults (May 2026, opened 2026-01-01, due 2026-12-31, baseline
/// 48/1500, target 0.5 %, 21/1450 recorded on 2026-06-03) a project is on its glide path, has no
/// milestone due and no trial: 50 + 25 + 0 + 10 = 85 points.
@Suite("Monthly report: assessment")
struct MonthlyReportAssessmentTests {
    typealias F = ReportFixture

    /// Above the glide path: 2.50 % closes 25.9 % of the gap where 41.2 % is expected, so
    /// 50 × 0.259/0.412 = 31 progress points; 66 in all, at risk.
    static func above(_ key: String) -> ProjectFacts { F.project(key, month: F.counts(50, of: 2000)) }

    /// No figures: no progress or reporting points; 25 in all, at risk.
    static func noFigures(_ key: String) -> ProjectFacts { F.project(key, month: nil) }

    @Test("a score is the sum of its four parts, each with its maximum and finding")
    func scoreParts() throws {
        let entry = F.entry(F.project())
        let score = try #require(entry.score)
        #expect(score.total == 85)
        #expect(score.rubricVersion == 1)
        #expect(score.parts.map(\.part) == [.progress, .milestones, .trials, .reporting])
        #expect(score.parts.map(\.points) == [50, 25, 0, 10])
        #expect(score.parts.map(\.maximum) == [50, 25, 15, 10])
        #expect(score.parts.map(\.finding.code) == [.onGlidePath, .noMilestonesDue, .noTrials, .figuresOnTime])

        let behind = try #require(F.entry(Self.above("B")).score)
        #expect(behind.parts[0].points == 31)
        #expect(behind.total == 66)
    }

    @Test("milestones: on time counts one, late a half, overdue nothing; trials: half for work, half for conclusions")
    func milestoneAndTrialPoints() throws {
        var trial = F.trial(1, outcome: F.counts(3, of: 320))
        trial.conclusion = "比水量 0.62 有效"
        let facts = F.project(
            trials: [trial, F.trial(2, outcome: F.counts(5, of: 300))],
            milestones: [
                F.milestone(1, due: "2026-03-31", done: "2026-03-30"),
                F.milestone(2, due: "2026-04-30", done: "2026-05-10"),
                F.milestone(3, due: "2026-05-31", done: "2026-05-31"),
                F.milestone(4, due: "2026-06-30"),
            ])
        let score = try #require(F.entry(facts).score)
        // (2 on time + 0.5 late) / 3 due × 25 = 20.8 → 21.
        #expect(score.parts[1].points == 21)
        #expect(score.parts[1].finding == Finding(.milestonesDue, count: 3, onTime: 2, late: 1))
        // 15 × (0.5 + 0.5 × 1/2) = 11.25 → 11.
        #expect(score.parts[2].points == 11)
        #expect(score.parts[2].finding == Finding(.trialsRun, count: 2, concluded: 1, months: 3))
    }

    @Test("reporting: full points by the deadline (the 5th), half after it, none when missing")
    func reportingPoints() throws {
        let late = try #require(F.entry(F.project(recordedOn: "2026-06-06")).score)
        #expect(late.parts[3].points == 5)
        #expect(
            late.parts[3].finding == Finding(.figuresLate, date: F.date("2026-06-05"), recordedOn: F.date("2026-06-06"))
        )
        let onTime = try #require(F.entry(F.project(recordedOn: "2026-06-05")).score)
        #expect(onTime.parts[3].points == 10)
        let missing = try #require(F.entry(Self.noFigures("X")).score)
        #expect(missing.parts[3].points == 0)
        #expect(missing.total == 25)
    }

    @Test("a young project ahead of its own plan outranks an older one behind its plan that closed more of the gap")
    func youngProjectJudgedAgainstItsOwnPlan() throws {
        // Opened 2026-04-01: 60 of 364 days gone, 16.5 % of the gap expected; 2.50 % closes 25.9 %.
        let young = F.project("YOUNG", openedOn: "2026-04-01", dueOn: "2027-03-31", month: F.counts(50, of: 2000))
        // Opened 2025-06-01: 364 of 578 days gone, 63 % expected; 1.80 % closes 51.9 %.
        let old = F.project("OLD", openedOn: "2025-06-01", dueOn: "2026-12-31", month: F.counts(36, of: 2000))
        let report = F.report([old, young])
        #expect(report.projects.map(\.key) == ["YOUNG", "OLD"])
        #expect(report.projects.map(\.rank) == [1, 2])
        let (youngEntry, oldEntry) = (report.projects[0], report.projects[1])
        #expect(try #require(youngEntry.gapClosed) < (try #require(oldEntry.gapClosed)))
        #expect(youngEntry.judgement == .onTrack)
        #expect(oldEntry.judgement == .atRisk)
    }

    @Test("equal scores share a rank (1, 2, 2, 2, 5) and no tie is broken by key")
    func tiesShareARank() {
        let report = F.report([
            Self.noFigures("A-WORST"), Self.above("Z"), Self.above("M"), Self.above("B"), F.project("ZZ-BEST"),
        ])
        #expect(report.projects.map(\.rank) == [1, 2, 2, 2, 5])
        #expect(report.projects.map(\.score?.total) == [85, 66, 66, 66, 25])
        #expect(report.projects.first?.key == "ZZ-BEST")
        #expect(report.projects.last?.key == "A-WORST")
    }

    @Test("equal scores at the boundary are all called in")
    func boundaryTiesAllCalledIn() {
        let report = F.report([
            F.project("BEST"), Self.above("B"), Self.above("C"), Self.above("D"), Self.noFigures("E"),
        ])
        #expect(report.calledIn.map(\.key) == ["E", "B", "C", "D"])
        #expect(report.summary.calledIn == ["E", "B", "C", "D"])
        #expect(report.calledIn.first?.reasons.first == Finding(.lowestScores, count: 3, rank: 5, of: 5))
        #expect(report.projects.filter(\.calledIn).count == 4)
    }

    @Test("a project on track is never called in, however low it ranks")
    func onTrackNeverCalledIn() {
        let report = F.report([F.project("A"), F.project("B"), F.project("C"), F.project("D"), Self.noFigures("E")])
        #expect(report.calledIn.map(\.key) == ["E"])
    }

    @Test(
        "nobody is called in when fewer than N + 1 projects are ranked; one on-track project is rank 1, not called in")
    func tooFewRanked() {
        let single = F.report([F.project("ONLY")])
        #expect(single.projects.map(\.rank) == [1])
        #expect(single.calledIn.isEmpty)
        let three = F.report([Self.noFigures("A"), Self.noFigures("B"), Self.above("C")])
        #expect(three.calledIn.isEmpty)
        let four = F.report([Self.noFigures("A"), Self.noFigures("B"), Self.above("C"), F.project("D")])
        #expect(four.calledIn.map(\.key).sorted() == ["A", "B", "C"])
    }

    @Test("on-hold, proposed and closed projects are listed without rank or score, after the ranked ones")
    func unrankedListed() {
        let report = F.report([
            F.project("HOLD", status: .onHold, month: nil), Self.noFigures("A"), Self.noFigures("B"),
            Self.noFigures("C"), F.project("DONE", status: .completed, closedOn: "2026-05-10"),
            F.project("IDEA", status: .proposed, month: nil),
        ])
        #expect(report.projects.map(\.key) == ["A", "B", "C", "HOLD", "IDEA", "DONE"])
        #expect(report.projects.map(\.rank) == [1, 1, 1, nil, nil, nil])
        #expect(report.calledIn.isEmpty, "three ranked projects are fewer than 3 + 1")
        #expect(!report.calledIn.contains { $0.key == "HOLD" })
        #expect(report.summary.rankedCount == 3)
    }

    @Test("another rubric version scores differently and says so; the called-in count follows it")
    func rubricVersion() throws {
        let rubric = try Rubric(
            version: 2, effectiveFrom: Month(year: 2026, month: 5), progressPoints: 30, milestonePoints: 30,
            trialPoints: 20, reportingPoints: 20, calledIn: 1, figuresDueDay: 5, trialMonths: 3, reason: "调整权重")
        let report = F.report(
            [F.project("A"), Self.above("B"), Self.above("C"), Self.noFigures("D")], rubric: rubric)
        #expect(report.projects.map(\.score?.total) == [80, 69, 69, 30])
        #expect(report.projects.allSatisfy { $0.score?.rubricVersion == 2 })
        #expect(report.calledIn.map(\.key) == ["D"])
        #expect(report.rubric == rubric)
    }

    @Test("rubric weights must be whole points summing to 100, naming the option")
    func rubricRules() {
        #expect(throws: DomainError.self) {
            try Rubric(
                version: 1, effectiveFrom: F.month, progressPoints: 50, milestonePoints: 25, trialPoints: 15,
                reportingPoints: 5, calledIn: 3, figuresDueDay: 5, trialMonths: 3, reason: "x")
        }
        do {
            _ = try Rubric(
                version: 1, effectiveFrom: F.month, progressPoints: 50, milestonePoints: 25, trialPoints: 15,
                reportingPoints: 5, calledIn: 3, figuresDueDay: 5, trialMonths: 3, reason: "x")
        } catch {
            #expect(error.field == "progress")
            #expect(error.message.contains("sum to 100"))
            #expect(error.message.contains("= 95"))
        }
        #expect(throws: DomainError.self) {
            try Rubric(
                version: 1, effectiveFrom: F.month, progressPoints: 110, milestonePoints: -10, trialPoints: 0,
                reportingPoints: 0, calledIn: 3, figuresDueDay: 5, trialMonths: 3, reason: "x")
        }
        #expect(throws: DomainError.self) {
            try Rubric(
                version: 1, effectiveFrom: F.month, progressPoints: 50, milestonePoints: 25, trialPoints: 15,
                reportingPoints: 10, calledIn: 3, figuresDueDay: 5, trialMonths: 3, reason: "  ")
        }
    }

    @Test("follow-up: last month's called-in projects with their talk, actions and score change")
    func followUp() throws {
        let talk = Talk(
            projectKey: "E", month: try Month(year: 2026, month: 4), heldOn: F.date("2026-05-06"), heldByNo: "E2001",
            heldByName: "刘书记", notes: "", actions: ["每周报告纵裂率"])
        let previous = [F.project("A"), Self.above("B"), Self.above("C"), Self.above("D"), Self.noFigures("E")]
        let now = [F.project("A"), F.project("B"), Self.above("C"), Self.above("D"), Self.above("E")]
        let report = MonthlyReport(
            facts: MonthlyReportFacts(month: F.month, projects: now, previousProjects: previous, talks: [talk]))
        #expect(report.followUp.map(\.key) == ["E", "B", "C", "D"])
        let e = try #require(report.followUp.first)
        #expect(e.previousScore == 25)
        #expect(e.score == 66)
        #expect(e.scoreChange == 41)
        #expect(e.talk == talk)
        #expect(report.followUp[2].talk == nil)
        // B was scored as of April: 2.50 % closed 25.9 % of 32.7 % expected (40 points), and its April
        // figures, recorded on 2026-06-03, were late (5 points): 70. Now it is on track: 85.
        #expect(report.followUp[1].previousScore == 70)
        #expect(report.followUp[1].scoreChange == 15)
    }

    @Test("summary: counts with zeros, who is behind, figures per metric never added across metrics")
    func summary() {
        var facts = [
            F.project("ALPHA"), Self.above("BRAVO"), F.project("CHARLIE", month: F.counts(64, of: 2000)),
            F.project("HEATS", month: F.counts(10, of: 990), metricName: "slag carry-over rate (heats)"),
            F.project("DONE", status: .completed, closedOn: "2026-05-10"),
        ]
        facts[0].trials = [F.trial(1, outcome: F.counts(6, of: 650), project: "ALPHA")]
        let summary = F.report(facts).summary
        #expect(summary.projectCount == 5)
        #expect(summary.byStatus == .init(proposed: 0, active: 4, onHold: 0, completed: 1, cancelled: 0))
        #expect(summary.byJudgement[.closed] == 1)
        #expect(summary.behind == ["CHARLIE"])
        #expect(summary.trialCount == 1)
        #expect(summary.metrics.map(\.metricName) == ["longitudinal crack rate", "slag carry-over rate (heats)"])
        #expect(summary.metrics[0].figures == F.counts(21 + 50 + 64 + 21, of: 1450 + 2000 + 2000 + 1450))
        #expect(summary.metrics[0].trialOutcomes == F.counts(6, of: 650))
        #expect(summary.metrics[1].figures == F.counts(10, of: 990))
    }

    @Test("the report does not depend on the order of the facts")
    func deterministic() {
        let facts = [F.project("A"), Self.above("B"), Self.above("C"), Self.noFigures("D"), Self.noFigures("E")]
        let report = F.report(facts)
        #expect(F.report(facts.reversed()) == report)
    }

    @Test("a month still running is marked incomplete")
    func incompleteMonth() {
        let report = MonthlyReport(
            facts: MonthlyReportFacts(month: F.month, asOf: F.date("2026-05-20"), projects: [F.project()]))
        #expect(!report.isMonthComplete)
        #expect(report.asOf == F.date("2026-05-20"))
        #expect(F.report([]).isMonthComplete)
    }
}
