import ReportFixtures
import Testing

@testable import TackleDomain

/// Milestones as they stand at the end of the month.
@Suite("Monthly report: milestones")
struct MonthlyReportMilestoneTests {
    typealias F = ReportFixture

    static let milestones = [
        F.milestone(5, "轻压下参数", due: "2026-06-30"),
        F.milestone(1, "现状调查", due: "2026-04-30", done: "2026-04-28"),
        F.milestone(2, "二冷水优化方案", due: "2026-05-10", done: "2026-05-15"),
        F.milestone(3, "结晶器保护渣试验", due: "2026-05-20"),
        // Done after the end of the month: the store removes such dates, but if one slips
        // through it must not count.
        F.milestone(4, "拉速试验", due: "2026-05-25", done: "2026-06-03"),
        // Due on the last day and not done: still open at the end of that day.
        F.milestone(6, "中期评审", due: "2026-05-31"),
    ]

    @Test("states at the end of the month: done on time, done late, overdue, open")
    func states() {
        let progress = F.entry(F.project(milestones: Self.milestones)).milestones
        #expect(progress.dueInMonth.map(\.number) == [2, 3, 4, 6])
        #expect(progress.dueInMonth.map(\.state) == [.doneLate, .overdue, .overdue, .open])
        #expect(progress.dueInMonth[0].doneOn == F.date("2026-05-15"))
        #expect(progress.dueInMonth[0].ownerName == "李娜")
        #expect(progress.done == 2)
        #expect(progress.total == 6)
        #expect(progress.overdue == [3, 4])
    }

    @Test("a done date after the end of the month counts as not done")
    func doneAfterMonthEnd() {
        let progress = F.entry(F.project(milestones: Self.milestones)).milestones
        let late = progress.dueInMonth.first { $0.number == 4 }
        #expect(late?.state == .overdue)
        #expect(late?.doneOn == nil)
        #expect(late?.isDone == false)

        let onTime = F.entry(F.project(milestones: [F.milestone(1, due: "2026-06-30", done: "2026-06-01")]))
        #expect(onTime.milestones.done == 0)
        #expect(onTime.milestones.next?.state == .open)
    }

    @Test("done on time before the month is counted but not listed as due in the month")
    func doneOnTimeEarlier() {
        let progress = F.entry(F.project(milestones: [F.milestone(1, due: "2026-04-30", done: "2026-04-30")]))
            .milestones
        #expect(progress.dueInMonth.isEmpty)
        #expect(progress.done == 1)
        #expect(progress.next == nil)
    }

    @Test("next: the earliest milestone not done, overdue ones included")
    func next() {
        let progress = F.entry(F.project(milestones: Self.milestones)).milestones
        #expect(progress.next?.number == 3)
        #expect(progress.next?.title == "结晶器保护渣试验")
        #expect(progress.next?.dueOn == F.date("2026-05-20"))

        let ahead = F.entry(F.project(milestones: [Self.milestones[0], Self.milestones[1]])).milestones
        #expect(ahead.next?.number == 5)
        #expect(ahead.next?.state == .open)
    }

    @Test("two overdue milestones put the project off track")
    func overdueDecideJudgement() {
        let entry = F.entry(F.project(milestones: Self.milestones))
        #expect(entry.judgement == .offTrack)
        #expect(entry.reasons == [Finding(.milestonesOverdue, count: 2, numbers: [3, 4])])
    }
}
