import ReportFixtures
import Testing

@testable import TackleDomain

/// The month's trials, judged against the project's baseline by ``Statistics/compare(trial:baseline:alpha:)``.
@Suite("Monthly report: trials")
struct MonthlyReportTrialTests {
    typealias F = ReportFixture

    @Test("worked example of the domain brief: 6 of 650 against 48 of 1500 is better, Fisher p 0.0014")
    func workedExample() throws {
        let entry = F.entry(F.project(trials: [F.trial(3, outcome: F.counts(6, of: 650))]))
        let trial = try #require(entry.trials.first)
        #expect(trial.label == "T3")
        #expect(trial.lever == "secondary cooling")
        #expect(trial.parameters.map(\.description) == ["specific_water=0.62L/kg", "casting_speed=1.2m/min"])
        #expect(trial.outcome.defective == 6)
        #expect(trial.outcome.inspected == 650)
        #expect(trial.outcome.rate == 6.0 / 650)
        #expect(trial.verdict == .better)
        #expect(matches(trial.fisherPValue, printed: 0.0014, decimals: 4))
        #expect(trial.additionalSlabsNeeded == nil)
        let interval = try #require(trial.outcome.interval)
        #expect(matches(interval.lower * 100, printed: 0.42, decimals: 2))
        #expect(matches(interval.upper * 100, printed: 2.00, decimals: 2))
    }

    @Test(
        "the verdict and p-value are exactly those of Statistics.compare against the baseline",
        arguments: [(6, 650), (0, 40), (20, 300), (3, 320), (0, 0)]
    )
    func verdictFromCompare(defective: Int, inspected: Int) throws {
        let outcome = F.counts(defective, of: inspected)
        let entry = F.entry(F.project(trials: [F.trial(1, outcome: outcome)]))
        let trial = try #require(entry.trials.first)
        let comparison = Statistics.compare(
            trial: outcome, baseline: F.counts(48, of: 1500), plannedRate: entry.targetRate)
        #expect(trial.verdict == comparison.verdict)
        #expect(trial.fisherPValue == comparison.fisherPValue)
        #expect(trial.additionalSlabsNeeded == comparison.additionalSlabsNeeded)
        #expect(trial.plan == comparison.plan)
    }

    @Test("better, no detectable change and worse all appear")
    func verdicts() {
        let entry = F.entry(
            F.project(trials: [
                F.trial(1, outcome: F.counts(6, of: 650)),
                F.trial(2, outcome: F.counts(0, of: 40)),
                F.trial(3, outcome: F.counts(20, of: 300)),
            ])
        )
        #expect(entry.trials.map(\.verdict) == [.better, .noDetectableChange, .worse])
        // Planned on the target 0.5 %: 256 slabs against 48/1500 (PowerTests' reference), 40 done.
        #expect(entry.trials[1].additionalSlabsNeeded == 256 - 40)
    }

    @Test("trials are listed by number whatever order the store sent")
    func byNumber() {
        let entry = F.entry(
            F.project(trials: [F.trial(4, outcome: F.counts(1, of: 100)), F.trial(2, outcome: F.counts(2, of: 100))])
        )
        #expect(entry.trials.map(\.label) == ["T2", "T4"])
    }
}

/// The month's verdicts are adjusted over the project's trials as of the month's end.
@Suite("Monthly report: verdicts adjusted over the project's trials")
struct MonthlyReportHolmTests {
    typealias F = ReportFixture

    /// Reference: scipy 1.17.1 `fisher_exact([[48, 1452], [d, n - d]])[1]` for 6/650, 7/520, 1/48, 12/560,
    /// then statsmodels 0.15.0 `multipletests(ps, method="holm")[1]`: 7/520 has p 0.02749, Holm 0.08248.
    @Test("earlier trials join the family: a trial 'better' alone is not shown among four")
    func earlierTrialsJoinTheFamily() throws {
        var facts = F.project(trials: [F.trial(2, outcome: F.counts(7, of: 520))])
        let alone = try #require(F.entry(facts).trials.first)
        #expect(alone.verdict == .better)
        #expect(alone.comparisons == 1)
        #expect(alone.adjustedPValue == alone.fisherPValue)

        facts.earlierTrialOutcomes = [F.counts(6, of: 650), F.counts(1, of: 48), F.counts(12, of: 560)]
        let judged = try #require(F.entry(facts).trials.first)
        #expect(judged.comparisons == 4)
        #expect(isClose(judged.fisherPValue, 0.02749264362382254, within: 1e-9))
        #expect(isClose(judged.adjustedPValue, 0.08247793087146763, within: 1e-9))
        #expect(judged.verdict == .noDetectableChange)
        #expect(judged.agreement == .intervalExcludesZeroTestDoesNot)
    }
}
