import Foundation
import Testing

@testable import TackleDomain

/// Verdicts of a project's trials taken together: Holm-adjusted p-values, and the interval printed
/// beside a verdict checked against it.
@Suite("Verdicts adjusted over the project's trials")
struct HolmVerdictTests {
    private let baseline = try! Proportion(defective: 48, inspected: 1500)

    /// Reference: scipy 1.17.1 `scipy.stats.fisher_exact([[48, 1452], [d, n - d]])[1]` for each trial,
    /// then statsmodels 0.15.0 `multipletests(ps, method="holm")[1]`.
    @Test("each verdict rests on the Holm-adjusted p over all the trials")
    func adjustedOverTrials() throws {
        let trials = [
            try Proportion(defective: 6, inspected: 650), try Proportion(defective: 7, inspected: 520),
            try Proportion(defective: 1, inspected: 48), try Proportion(defective: 12, inspected: 560),
        ]
        let judged = Statistics.compare(trials: trials, baseline: baseline)
        let raw = [0.001373821303262726, 0.02749264362382254, 1.0, 0.23972921117721327]
        let holm = [0.005495285213050904, 0.08247793087146763, 1.0, 0.47945842235442654]
        for (index, comparison) in judged.enumerated() {
            #expect(isClose(comparison.fisherPValue, raw[index], within: 1e-9))
            #expect(isClose(comparison.adjustedPValue, holm[index], within: 1e-9))
            #expect(comparison.comparisons == 4)
        }
        // 7/520 alone would be "better" (p = 0.027); over four trials it is not shown.
        #expect(Statistics.compare(trial: trials[1], baseline: baseline).verdict == .better)
        #expect(judged.map(\.verdict) == [.better, .noDetectableChange, .noDetectableChange, .noDetectableChange])
        // Its interval still excludes 0, and the comparison says the two disagree.
        #expect(try #require(judged[1].differenceInterval).lowerBound > 0)
        #expect(judged[1].agreement == .intervalExcludesZeroTestDoesNot)
        #expect(judged[0].agreement == .agrees)
    }

    @Test("a lone comparison is its own family: adjusted p equals the raw p")
    func loneComparison() throws {
        let judged = Statistics.compare(trials: [try Proportion(defective: 6, inspected: 650)], baseline: baseline)
        #expect(judged.count == 1)
        #expect(judged[0].adjustedPValue == judged[0].fisherPValue)
        #expect(judged[0].comparisons == 1)
        #expect(Statistics.compare(trials: [], baseline: baseline).isEmpty)
    }

    /// 1 of 180 against 48 of 1500: the Newcombe interval of the difference is +0.0035 to +3.76 points
    /// (statsmodels 0.15.0 `confint_proportions_2indep(48, 1500, 1, 180, method="newcomb")`:
    /// 3.502995542603929e-05, 0.037596436648053) but Fisher's p is 0.0559 (scipy 1.17.1
    /// `fisher_exact([[48, 1452], [1, 179]])`): the interval excludes 0, the test does not reach 0.05.
    @Test("an interval that excludes 0 beside an inconclusive test is flagged")
    func intervalDisagreesWithTest() throws {
        let comparison = Statistics.compare(trial: try Proportion(defective: 1, inspected: 180), baseline: baseline)
        let interval = try #require(comparison.differenceInterval)
        #expect(isClose(interval.lowerBound, 3.502995542603929e-05, within: 1e-9))
        #expect(isClose(interval.upperBound, 0.037596436648053, within: 1e-9))
        #expect(isClose(comparison.fisherPValue, 0.055893747639003954, within: 1e-9))
        #expect(comparison.verdict == .noDetectableChange)
        #expect(comparison.agreement == .intervalExcludesZeroTestDoesNot)
    }

    @Test("a significant test beside an interval that includes 0 is flagged the other way")
    func testDisagreesWithInterval() {
        let interval = -0.001...0.02
        #expect(IntervalAgreement.of(.better, interval: interval) == .testSignificantIntervalIncludesZero)
        #expect(IntervalAgreement.of(.noDetectableChange, interval: interval) == .agrees)
        #expect(IntervalAgreement.of(.worse, interval: -0.03 ... -0.01) == .agrees)
        #expect(IntervalAgreement.of(.better, interval: nil) == .agrees)
    }

    @Test("the adjusted p and the agreement survive a JSON round trip; old JSON without them still reads")
    func codable() throws {
        let judged = Statistics.compare(
            trials: [try Proportion(defective: 7, inspected: 520), try Proportion(defective: 6, inspected: 650)],
            baseline: baseline)
        let data = try JSONEncoder().encode(judged[0])
        let decoded = try JSONDecoder().decode(Comparison.self, from: data)
        #expect(decoded == judged[0])
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        object["adjustedPValue"] = nil
        object["comparisons"] = nil
        object["agreement"] = nil
        let old = try JSONDecoder().decode(
            Comparison.self, from: try JSONSerialization.data(withJSONObject: object))
        #expect(old.adjustedPValue == old.fisherPValue)
        #expect(old.comparisons == 1)
    }
}
