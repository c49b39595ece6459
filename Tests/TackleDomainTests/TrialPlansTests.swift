import ReportFixtures
import Testing

@testable import TackleDomain

/// Plans and verdicts made ahead (``TrialPlans/prepare(for:)``) change nothing in the report; a
/// verdict made ahead for other trials, or another baseline, is not used.
@Suite("Monthly report: trial plans and verdicts made ahead")
struct TrialPlansTests {
    typealias F = ReportFixture

    static func project(_ trials: [Trial], baseline: Proportion = F.counts(48, of: 1500)) -> ProjectFacts {
        F.project(baseline: baseline, trials: trials)
    }

    static let trials = [
        F.trial(1, outcome: F.counts(3, of: 320)),
        F.trial(2, outcome: F.counts(9, of: 300)),
    ]

    static func report(_ project: ProjectFacts, plans: TrialPlans) -> MonthlyReport {
        MonthlyReport(facts: MonthlyReportFacts(month: F.month, projects: [project]), plans: plans)
    }

    @Test("made ahead for the same facts: the same report as without")
    func sameFacts() throws {
        let project = Self.project(Self.trials)
        let plans = TrialPlans()
        plans.prepare(for: [project])
        #expect(Self.report(project, plans: plans) == F.report([project]))
        #expect(plans.judgedTrials(of: project) == MonthlyReport.ProjectEntry.judgedTrials(of: project))
    }

    @Test("made ahead for other trials or another baseline of the same project: judged again")
    func otherFacts() throws {
        let before = Self.project(Self.trials)
        let changes = [
            Self.project([Self.trials[0], F.trial(2, outcome: F.counts(1, of: 300))]),
            Self.project(Self.trials, baseline: F.counts(10, of: 1500)),
            Self.project([Self.trials[0]]),
        ]
        for after in changes {
            let plans = TrialPlans()
            plans.prepare(for: [before])
            let judged = plans.judgedTrials(of: after)
            #expect(judged == MonthlyReport.ProjectEntry.judgedTrials(of: after))
            #expect(judged != MonthlyReport.ProjectEntry.judgedTrials(of: before))
            #expect(Self.report(after, plans: plans) == F.report([after]))
        }
    }
}
