import ReportFixtures
import Testing

@testable import TackleDomain

/// Each branch of the judgement rule, on hand-made facts for May 2026 (see ``ReportFixture``:
/// the glide path expects 2.09 % at the end of May).
@Suite("Monthly report: judgement")
struct MonthlyReportJudgementTests {
    typealias F = ReportFixture

    @Test("on track: a month rate on the glide path with no milestone overdue")
    func onTrack() {
        let entry = F.entry(F.project(month: F.counts(21, of: 1450)))
        #expect(entry.judgement == .onTrack)
        #expect(entry.reasons.map(\.code) == [.onGlidePath])
        #expect(entry.reasons.first?.rate == 21.0 / 1450)
        #expect(isClose(entry.expectedRate, 0.032 - 150.0 / 364 * 0.027, within: 1e-15))
        #expect(isClose(entry.expectedGapClosed, 150.0 / 364, within: 1e-15))
    }

    @Test("on track: a rate exactly on the glide path does not fall off it by rounding")
    func exactlyOnTheGlidePath() {
        // Opened 300 days before the due date and 150 days before the end of May: half-way,
        // so the glide path expects 3.20% - 0.5 × 2.70% = 1.85% = 37/2000.
        let entry = F.entry(F.project(dueOn: "2026-10-28", month: F.counts(37, of: 2000)))
        #expect(entry.expectedGapClosed == 0.5)
        #expect(entry.judgement == .onTrack)
    }

    @Test("at risk: no figures for the month")
    func atRiskWithoutFigures() {
        let entry = F.entry(F.project(month: nil))
        #expect(entry.judgement == .atRisk)
        #expect(entry.reasons == [Finding(.noFigures, month: F.month)])
        #expect(entry.monthFigures == nil)
        #expect(entry.gapClosed == nil)
    }

    @Test("at risk: figures with no slabs inspected are no rate")
    func atRiskWithNothingInspected() {
        let entry = F.entry(F.project(month: F.counts(0, of: 0)))
        #expect(entry.judgement == .atRisk)
        #expect(entry.reasons == [Finding(.noSlabsInspected, month: F.month)])
    }

    @Test("at risk: a month rate above the glide path but below the baseline")
    func atRiskAboveGlidePath() {
        let entry = F.entry(F.project(month: F.counts(50, of: 2000)))
        #expect(entry.judgement == .atRisk)
        #expect(entry.reasons.map(\.code) == [.aboveGlidePath])
        #expect(entry.reasons.first?.rate == 0.025)
        #expect(matches(entry.reasons.first?.expected.map { $0 * 100 }, printed: 2.09, decimals: 2))
    }

    @Test("at risk: one milestone overdue, even with a good rate")
    func atRiskOneMilestoneOverdue() {
        let entry = F.entry(F.project(milestones: [F.milestone(1, due: "2026-04-30")]))
        #expect(entry.judgement == .atRisk)
        #expect(entry.reasons == [Finding(.milestonesOverdue, count: 1, numbers: [1])])
    }

    @Test("off track: past the due date")
    func offTrackPastDue() {
        let entry = F.entry(F.project(dueOn: "2026-05-19", month: F.counts(5, of: 1000)))
        #expect(entry.judgement == .offTrack)
        #expect(entry.reasons == [Finding(.pastDue, count: 12)])
        #expect(entry.daysLeft == -12)
        #expect(entry.isOverdue)
    }

    @Test("off track: a month rate equal to the baseline is not below it")
    func offTrackRateAtBaseline() {
        let entry = F.entry(F.project(month: F.counts(64, of: 2000)))
        #expect(entry.judgement == .offTrack)
        #expect(entry.reasons == [Finding(.notBelowBaseline, rate: 0.032, expected: 0.032)])
    }

    @Test("off track: a month rate above the baseline")
    func offTrackRateAboveBaseline() {
        let entry = F.entry(F.project(month: F.counts(80, of: 2000)))
        #expect(entry.judgement == .offTrack)
        #expect(entry.reasons == [Finding(.notBelowBaseline, rate: 0.04, expected: 0.032)])
        #expect(isClose(entry.gapClosed, (0.032 - 0.04) / 0.027, within: 1e-12))
    }

    @Test("off track: two milestones overdue")
    func offTrackTwoMilestonesOverdue() {
        let entry = F.entry(
            F.project(milestones: [F.milestone(1, due: "2026-03-31"), F.milestone(3, due: "2026-05-30")])
        )
        #expect(entry.judgement == .offTrack)
        #expect(entry.reasons == [Finding(.milestonesOverdue, count: 2, numbers: [1, 3])])
    }

    @Test("off track lists every problem found, the ones that make it off track first")
    func offTrackListsEveryProblem() {
        let entry = F.entry(F.project(dueOn: "2026-05-30", month: nil))
        #expect(entry.judgement == .offTrack)
        #expect(entry.reasons == [Finding(.pastDue, count: 1), Finding(.noFigures, month: F.month)])
    }

    @Test("closed: completed or cancelled by the end of the month, not judged and not ranked")
    func closed() {
        let completed = F.entry(F.project(status: .completed, closedOn: "2026-05-20", month: F.counts(80, of: 2000)))
        #expect(completed.judgement == .closed)
        #expect(completed.reasons == [Finding(.closed, date: F.date("2026-05-20"), status: .completed)])
        #expect(completed.rank == nil)
        #expect(completed.daysLeft == nil)
        #expect(!completed.isOverdue)

        // Past its due date, but cancelled: closed, not off track.
        let cancelled = F.entry(F.project(status: .cancelled, dueOn: "2026-04-30", closedOn: "2026-04-15"))
        #expect(cancelled.judgement == .closed)
        #expect(cancelled.reasons == [Finding(.closed, date: F.date("2026-04-15"), status: .cancelled)])
        #expect(!cancelled.isOverdue)
    }

    @Test("on hold and proposed: listed as not ranked, with no score and a reason saying so")
    func onHold() {
        let onHold = F.entry(F.project(status: .onHold))
        #expect(onHold.judgement == .notRanked)
        #expect(onHold.reasons == [Finding(.onHold)])
        #expect(onHold.score == nil)
        #expect(onHold.rank == nil)

        let proposed = F.entry(F.project(status: .proposed, month: nil))
        #expect(proposed.judgement == .notRanked)
        #expect(proposed.reasons == [Finding(.proposed)])
        #expect(proposed.score == nil)
    }

    @Test("every judgement but on track carries a reason")
    func reasonsPresent() {
        let report = F.report([
            F.project("A", month: nil),
            F.project("B", month: F.counts(50, of: 2000)),
            F.project("C", dueOn: "2026-05-01"),
            F.project("D", month: F.counts(64, of: 2000)),
            F.project("E", milestones: [F.milestone(1, due: "2026-03-31"), F.milestone(2, due: "2026-04-30")]),
            F.project("F", status: .completed, closedOn: "2026-05-02"),
            F.project("G", status: .onHold, month: nil),
        ])
        #expect(Set(report.projects.map(\.judgement)) == [.atRisk, .offTrack, .closed, .notRanked])
        for entry in report.projects {
            #expect(!entry.reasons.isEmpty, "\(entry.key) is \(entry.judgement) without a reason")
        }
    }

    @Test(
        "elapsed share of the project's time, clamped to 0...1",
        arguments: [
            ("2026-01-01", "2026-12-31", "2026-05-31", 150.0 / 364),
            ("2026-01-01", "2026-05-31", "2026-05-31", 1.0),
            ("2026-01-01", "2026-04-30", "2026-05-31", 1.0),
            ("2026-06-15", "2026-12-31", "2026-05-31", 0.0),
            ("2026-05-31", "2026-05-31", "2026-05-31", 1.0),
            ("2026-05-01", "2026-05-01", "2026-05-31", 1.0),
        ]
    )
    func elapsedShare(opened: String, due: String, asOf: String, expected: Double) {
        let share = MonthlyReport.ProjectEntry.elapsedShare(
            openedOn: F.date(opened), dueOn: F.date(due), asOf: F.date(asOf))
        #expect(isClose(share, expected, within: 1e-15))
    }

    @Test("days left to the due date, and overdue from the day after it")
    func daysLeft() {
        let ahead = F.entry(F.project(dueOn: "2026-12-31"))
        #expect(ahead.daysLeft == 214)
        #expect(!ahead.isOverdue)

        // Due today, the glide path expects the target: 5/1000 = 0.50%.
        let dueToday = F.entry(F.project(dueOn: "2026-05-31", month: F.counts(5, of: 1000)))
        #expect(dueToday.daysLeft == 0)
        #expect(!dueToday.isOverdue)
        #expect(dueToday.judgement == .onTrack)

        let oneDayLate = F.entry(F.project(dueOn: "2026-05-30", month: F.counts(5, of: 1000)))
        #expect(oneDayLate.daysLeft == -1)
        #expect(oneDayLate.isOverdue)
        #expect(oneDayLate.reasons == [Finding(.pastDue, count: 1)])
    }

    @Test("gap closed: baseline 3.2%, target 0.5%, month 1.45% closes 64.8% of the gap")
    func gapClosed() {
        let entry = F.entry(F.project(month: F.counts(29, of: 2000)))
        #expect(isClose(entry.gapClosed, 0.648_148_148_148, within: 1e-12))
        #expect(matches(entry.gapClosed.map { $0 * 100 }, printed: 64.8, decimals: 1))
        #expect(entry.monthFigures?.rate == 0.0145)
    }
}
