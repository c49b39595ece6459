import Testing

@testable import TackleDomain

/// The monthly ranking (月度排序), the bottom three and the plant summary.
@Suite("Monthly report: ranking and summary")
struct MonthlyReportRankingTests {
    typealias F = ReportFixture

    /// Keys chosen so that key order disagrees with the ranking wherever another key decides.
    static let facts = [
        // Off track (past due) despite the best rate: judgement comes first.
        F.project("AARDVARK", dueOn: "2026-05-15", month: F.counts(1, of: 2000)),
        // On track, gap closed 0.65: ranks below ZULU, though its key sorts first.
        F.project("ALPHA", month: F.counts(21, of: 1450)),
        // On track, gap closed 0.96: the best.
        F.project("ZULU", month: F.counts(6, of: 1000)),
        // At risk without figures: after the at-risk projects with figures.
        F.project("ABLE", month: nil),
        // At risk by one overdue milestone, the same gap closed: the key decides.
        F.project("CHARLIE", milestones: [F.milestone(1, due: "2026-04-30", project: "CHARLIE")]),
        F.project("BRAVO", milestones: [F.milestone(1, due: "2026-04-30", project: "BRAVO")]),
        // Closed: not ranked, listed last.
        F.project("ZZ-DONE", status: .completed, closedOn: "2026-05-10"),
        F.project("AA-DROPPED", status: .cancelled, closedOn: "2026-05-03", month: nil),
    ]

    @Test("ranked by judgement, then gap closed (highest first, none last), then key; closed ones last")
    func rankingOrder() {
        let report = F.report(Self.facts)
        #expect(
            report.projects.map(\.key) == [
                "ZULU", "ALPHA", "BRAVO", "CHARLIE", "ABLE", "AARDVARK", "AA-DROPPED", "ZZ-DONE",
            ]
        )
        #expect(report.projects.map(\.rank) == [1, 2, 3, 4, 5, 6, nil, nil])
    }

    @Test("the ranking does not depend on the order of the facts")
    func deterministic() {
        let report = F.report(Self.facts)
        #expect(F.report(Self.facts.reversed()) == report)
        #expect(F.report(Self.facts.sorted { $0.key < $1.key }) == report)
    }

    @Test("bottom three: the three lowest-ranked, worst first, never a closed project")
    func bottomThree() {
        #expect(F.report(Self.facts).summary.bottomThree == ["AARDVARK", "ABLE", "CHARLIE"])
        let two = F.report([F.project("ONE"), F.project("TWO", month: nil), F.project("GONE", status: .completed)])
        #expect(two.summary.bottomThree == ["TWO", "ONE"])
        #expect(F.report([]).summary.bottomThree.isEmpty)
    }

    @Test("summary: counts by status and judgement with zeros, who is behind, trials and production")
    func summary() {
        var facts = Self.facts
        facts[1].trials = [F.trial(1, outcome: F.counts(6, of: 650), project: "ALPHA")]
        facts[2].trials = [
            F.trial(2, outcome: F.counts(3, of: 320), project: "ZULU"),
            F.trial(3, outcome: F.counts(0, of: 40), project: "ZULU"),
        ]
        facts[3].status = .onHold
        let summary = F.report(facts).summary

        #expect(summary.projectCount == 8)
        #expect(summary.byStatus == .init(proposed: 0, active: 5, onHold: 1, completed: 1, cancelled: 1))
        #expect(summary.byStatus[.onHold] == 1)
        #expect(summary.byJudgement == .init(onTrack: 2, atRisk: 3, offTrack: 1, closed: 2))
        #expect(summary.behind == ["AARDVARK"])
        #expect(summary.atRisk == ["BRAVO", "CHARLIE", "ABLE"])
        #expect(summary.trialCount == 3)
        #expect(summary.trialSlabs == F.counts(9, of: 1010))
        // Default figures 21/1450 for ALPHA, BRAVO, CHARLIE and ZZ-DONE; 1/2000 and 6/1000.
        #expect(summary.productionSlabs == F.counts(4 * 21 + 1 + 6, of: 4 * 1450 + 2000 + 1000))
    }

    @Test("an empty month has an empty, well-formed report")
    func emptyReport() {
        let report = F.report([])
        #expect(report.month == F.month)
        #expect(report.asOf == F.date("2026-05-31"))
        #expect(report.projects.isEmpty)
        #expect(report.summary.projectCount == 0)
        #expect(report.summary.byStatus == .init(proposed: 0, active: 0, onHold: 0, completed: 0, cancelled: 0))
        #expect(report.summary.trialSlabs == F.counts(0, of: 0))
    }
}
