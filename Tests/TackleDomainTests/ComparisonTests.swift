import Testing

@testable import TackleDomain

@Suite("Comparison of a trial with the baseline")
struct ComparisonTests {
    /// The worked example of the domain brief, to the precision printed there.
    @Test("worked example: 6 of 650 against 48 of 1500 is better")
    func workedExample() throws {
        let result = Statistics.compare(
            trial: try Proportion(defective: 6, inspected: 650),
            baseline: try Proportion(defective: 48, inspected: 1500)
        )
        #expect(result.verdict == .better)
        #expect(result.baselineRate == 0.032)
        #expect(isClose(result.trialRate, 6.0 / 650, within: 1e-15))
        #expect(isClose(result.difference, 0.032 - 6.0 / 650, within: 1e-15))
        #expect(matches(result.z, printed: 3.10, decimals: 2))
        #expect(matches(result.zPValue, printed: 0.0019, decimals: 4))
        #expect(matches(result.fisherPValue, printed: 0.0014, decimals: 4))
        let baselineInterval = try #require(result.baselineInterval)
        #expect(matches(baselineInterval.lowerBound * 100, printed: 2.42, decimals: 2))
        #expect(matches(baselineInterval.upperBound * 100, printed: 4.22, decimals: 2))
        let difference = try #require(result.differenceInterval)
        #expect(matches(difference.lowerBound * 100, printed: 0.95, decimals: 2))
        #expect(matches(difference.upperBound * 100, printed: 3.41, decimals: 2))
        let trialInterval = try #require(result.trialInterval)
        #expect(trialInterval.contains(6.0 / 650))
        #expect(result.additionalSlabsNeeded == nil)
        #expect(result.alpha == 0.05)
    }

    /// The advice is planned on the target for Fisher's test with the baseline's counts fixed:
    /// 256 trial slabs against 48/1500 for a drop to 0.5 % (exact power 0.80, the reference of
    /// `PowerTests`: a double sum over scipy 1.17.1 `binom.pmf` with `fisher_exact` decisions).
    @Test("a short trial without cracks proves nothing and says how many more slabs the target needs")
    func shortTrialWithoutCracks() throws {
        let trial = try Proportion(defective: 0, inspected: 40)
        let baseline = try Proportion(defective: 48, inspected: 1500)
        let result = Statistics.compare(trial: trial, baseline: baseline, plannedRate: 0.005)
        #expect(result.verdict == .noDetectableChange)
        #expect(matches(result.fisherPValue, printed: 0.6338, decimals: 4))
        #expect(result.plan?.trialSlabs == 256)
        #expect(result.additionalSlabsNeeded == 256 - 40)
        #expect(result.trialInterval?.lowerBound == 0)
        // Without a planned rate there is no advice: never a plan on the rate the trial showed.
        #expect(Statistics.compare(trial: trial, baseline: baseline).additionalSlabsNeeded == nil)
        #expect(Statistics.compare(trial: trial, baseline: baseline).plan == nil)
    }

    /// The old advice, per-arm normal approximation on the observed 2 %, said 2,660 more (power 0.65
    /// with the baseline fixed); planned on 2 % for Fisher with 48/1500 fixed it takes 11,886.
    @Test("an inconclusive drop planned on its own rate needs the exact size, and says it is impractical")
    func inconclusiveDrop() throws {
        let result = Statistics.compare(
            trial: try Proportion(defective: 2, inspected: 100),
            baseline: try Proportion(defective: 48, inspected: 1500),
            plannedRate: 0.02
        )
        #expect(result.verdict == .noDetectableChange)
        #expect(result.plan?.trialSlabs == 11_886)
        #expect(result.additionalSlabsNeeded == 11_786)
        #expect(try #require(result.additionalSlabsNeeded) > TrialPlan.practicalSlabs)
    }

    @Test("the additional slabs never go below 0")
    func flooredAtZero() throws {
        let result = Statistics.compare(
            trial: try Proportion(defective: 5, inspected: 380),
            baseline: try Proportion(defective: 48, inspected: 1500),
            plannedRate: 0.005
        )
        #expect(result.verdict == .noDetectableChange)
        #expect(result.additionalSlabsNeeded == 0)
    }

    @Test("a significantly higher trial rate is worse, with no sample-size advice")
    func worse() throws {
        let result = Statistics.compare(
            trial: try Proportion(defective: 30, inspected: 300),
            baseline: try Proportion(defective: 48, inspected: 1500),
            plannedRate: 0.005
        )
        #expect(result.verdict == .worse)
        #expect(try #require(result.difference) < 0)
        #expect(try #require(result.z) < 0)
        #expect(try #require(result.differenceInterval).upperBound < 0)
        #expect(result.additionalSlabsNeeded == nil)
        #expect(result.plan == nil)
    }

    @Test("an insignificantly higher trial rate is advised on the target too, not on its own rate")
    func slightlyWorse() throws {
        let result = Statistics.compare(
            trial: try Proportion(defective: 2, inspected: 40),
            baseline: try Proportion(defective: 48, inspected: 1500),
            plannedRate: 0.005
        )
        #expect(result.verdict == .noDetectableChange)
        #expect(result.additionalSlabsNeeded == 256 - 40)
    }

    /// 1/48 against 48/1500: no trial size reaches power 0.8 (at most 0.789; `PowerTests`).
    @Test("when no trial size suffices, the advice says so instead of a number")
    func unreachable() throws {
        let result = Statistics.compare(
            trial: try Proportion(defective: 1, inspected: 48),
            baseline: try Proportion(defective: 48, inspected: 1500),
            plannedRate: 1.0 / 48
        )
        #expect(result.additionalSlabsNeeded == nil)
        guard case .unreachable = try #require(result.plan).outcome else {
            Issue.record("expected an unreachable plan")
            return
        }
    }

    @Test("a planned rate not below the baseline gives no advice")
    func targetAboveBaseline() throws {
        let result = Statistics.compare(
            trial: try Proportion(defective: 1, inspected: 48),
            baseline: try Proportion(defective: 48, inspected: 1500),
            plannedRate: 0.04
        )
        #expect(result.verdict == .noDetectableChange)
        #expect(result.plan == nil)
        #expect(result.additionalSlabsNeeded == nil)
    }

    @Test("alpha decides: the worked example is inconclusive at 0.001, and planned at that alpha")
    func stricterAlpha() throws {
        let baseline = try Proportion(defective: 48, inspected: 1500)
        let result = Statistics.compare(
            trial: try Proportion(defective: 6, inspected: 650), baseline: baseline, alpha: 0.001, plannedRate: 0.005)
        #expect(result.verdict == .noDetectableChange)
        let plan = try Statistics.planTrial(baseline: baseline, plannedRate: 0.005, alpha: 0.001)
        #expect(result.plan == plan)
        #expect(result.additionalSlabsNeeded == max(0, try #require(plan.trialSlabs) - 650))
    }

    @Test(
        "empty or defect-free counts never leak NaN and never decide",
        arguments: [(0, 0, 48, 1500), (6, 650, 0, 0), (0, 0, 0, 0), (0, 100, 0, 1500), (3, 100, 30, 1000)]
    )
    func degenerate(trialDefective: Int, trialInspected: Int, baselineDefective: Int, baselineInspected: Int) throws {
        let result = Statistics.compare(
            trial: try Proportion(defective: trialDefective, inspected: trialInspected),
            baseline: try Proportion(defective: baselineDefective, inspected: baselineInspected)
        )
        #expect(result.verdict == .noDetectableChange)
        #expect(result.additionalSlabsNeeded == nil)
        #expect(!result.fisherPValue.isNaN)
        let numbers = [result.trialRate, result.baselineRate, result.difference, result.z, result.zPValue]
        let bounds = [result.trialInterval, result.baselineInterval, result.differenceInterval].flatMap {
            [$0?.lowerBound, $0?.upperBound]
        }
        for number in numbers + bounds {
            #expect(number.map { !$0.isNaN } ?? true)
        }
    }

    @Test("nothing inspected leaves rates, difference and z undefined")
    func emptyTrial() throws {
        let result = Statistics.compare(
            trial: try Proportion(defective: 0, inspected: 0),
            baseline: try Proportion(defective: 48, inspected: 1500)
        )
        #expect(result.trialRate == nil)
        #expect(result.trialInterval == nil)
        #expect(result.difference == nil)
        #expect(result.differenceInterval == nil)
        #expect(result.z == nil)
        #expect(result.fisherPValue == 1)
        #expect(result.baselineRate == 0.032)
    }

    @Test("verdicts read as words in reports")
    func verdictWords() {
        #expect(Verdict.allCases.map(\.description) == ["better", "no detectable change", "worse"])
    }
}
