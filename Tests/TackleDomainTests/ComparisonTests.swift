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

    @Test("a short trial without cracks proves nothing and says how many more slabs to inspect")
    func shortTrialWithoutCracks() throws {
        let result = Statistics.compare(
            trial: try Proportion(defective: 0, inspected: 40),
            baseline: try Proportion(defective: 48, inspected: 1500)
        )
        #expect(result.verdict == .noDetectableChange)
        // Fisher: 0.6338; n(0.032 vs 0) = 241 per arm, of which 40 are done.
        #expect(matches(result.fisherPValue, printed: 0.6338, decimals: 4))
        #expect(result.additionalSlabsNeeded == 201)
        #expect(result.trialInterval?.lowerBound == 0)
    }

    @Test("an inconclusive drop asks for the per-arm size minus the slabs already inspected")
    func inconclusiveDrop() throws {
        let result = Statistics.compare(
            trial: try Proportion(defective: 2, inspected: 100),
            baseline: try Proportion(defective: 48, inspected: 1500)
        )
        #expect(result.verdict == .noDetectableChange)
        // n(0.032 vs 0.02) = 2760 per arm.
        #expect(result.additionalSlabsNeeded == 2660)
    }

    @Test("the additional slabs never go below 0")
    func flooredAtZero() throws {
        let result = Statistics.compare(
            trial: try Proportion(defective: 20, inspected: 2000),
            baseline: try Proportion(defective: 1, inspected: 20)
        )
        #expect(result.verdict == .noDetectableChange)
        #expect(result.additionalSlabsNeeded == 0)
    }

    @Test("a significantly higher trial rate is worse, with no sample-size advice")
    func worse() throws {
        let result = Statistics.compare(
            trial: try Proportion(defective: 30, inspected: 300),
            baseline: try Proportion(defective: 48, inspected: 1500)
        )
        #expect(result.verdict == .worse)
        #expect(try #require(result.difference) < 0)
        #expect(try #require(result.z) < 0)
        #expect(try #require(result.differenceInterval).upperBound < 0)
        #expect(result.additionalSlabsNeeded == nil)
    }

    @Test("an insignificantly higher trial rate gives no sample-size advice")
    func slightlyWorse() throws {
        let result = Statistics.compare(
            trial: try Proportion(defective: 2, inspected: 40),
            baseline: try Proportion(defective: 48, inspected: 1500)
        )
        #expect(result.verdict == .noDetectableChange)
        #expect(result.additionalSlabsNeeded == nil)
    }

    @Test("alpha decides: the worked example is inconclusive at 0.001")
    func stricterAlpha() throws {
        let result = Statistics.compare(
            trial: try Proportion(defective: 6, inspected: 650),
            baseline: try Proportion(defective: 48, inspected: 1500),
            alpha: 0.001
        )
        #expect(result.verdict == .noDetectableChange)
        // n(0.032 vs 6/650) at alpha 0.001 = 1329 per arm.
        #expect(result.additionalSlabsNeeded == 679)
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
