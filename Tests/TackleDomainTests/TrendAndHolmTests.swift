import Testing

@testable import TackleDomain

@Suite("Holm adjustment and the Cochran-Armitage trend test")
struct TrendAndHolmTests {
    /// Reference: statsmodels 0.15.0, `multipletests(p, method="holm")[1]`.
    @Test(
        "Holm's adjusted p-values match statsmodels, in the order given",
        arguments: [
            ([0.01, 0.04, 0.03, 0.005], [0.03, 0.06, 0.06, 0.02]),
            ([0.2, 0.001, 0.04, 0.5, 0.01], [0.4, 0.005, 0.12, 0.5, 0.04]),
            ([0.7], [0.7]),
            ([], []),
        ] as [([Double], [Double])]
    )
    func holm(raw: [Double], expected: [Double]) {
        let adjusted = Statistics.holmAdjusted(raw)
        #expect(adjusted.count == expected.count)
        for (value, reference) in zip(adjusted, expected) {
            #expect(isClose(value, reference, within: 1e-12), "\(adjusted)")
        }
    }

    /// Reference: R's documentation of `prop.trend.test` (smokers 83/86, 90/93, 129/136, 70/82,
    /// scores 1-4): X-squared = 8.2249, p-value = 0.004132; recomputed with NumPy/SciPy 1.17.1 as
    /// z = -2.8679125309530877, p = 0.004131897477641406.
    @Test("Cochran-Armitage matches R's prop.trend.test example")
    func publishedExample() throws {
        let groups: [(score: Double, counts: Proportion)] = [
            (1, try Proportion(defective: 83, inspected: 86)), (2, try Proportion(defective: 90, inspected: 93)),
            (3, try Proportion(defective: 129, inspected: 136)), (4, try Proportion(defective: 70, inspected: 82)),
        ]
        let result = try #require(Statistics.cochranArmitage(groups))
        #expect(matches(result.z * result.z, printed: 8.2249, decimals: 4))
        #expect(isClose(result.z, -2.8679125309530877, within: 1e-9))
        #expect(isClose(result.pValue, 0.004131897477641406, within: 1e-9))
    }

    /// Soft reduction 4 / 5 / 6 mm with cracks falling: 12/800, 6/750, 2/700. Reference: the same
    /// formula in NumPy with `scipy.stats.norm.sf` (SciPy 1.17.1): z = -2.5100660892892384,
    /// p = 0.01207085679898766.
    @Test("a falling crack rate over more soft reduction gives a negative z")
    func softReduction() throws {
        let groups: [(score: Double, counts: Proportion)] = [
            (4, try Proportion(defective: 12, inspected: 800)), (5, try Proportion(defective: 6, inspected: 750)),
            (6, try Proportion(defective: 2, inspected: 700)),
        ]
        let result = try #require(Statistics.cochranArmitage(groups))
        #expect(isClose(result.z, -2.5100660892892384, within: 1e-9))
        #expect(isClose(result.pValue, 0.01207085679898766, within: 1e-9))
    }

    @Test("no trend test without two groups or without variation")
    func undefined() throws {
        let one: [(score: Double, counts: Proportion)] = [(4, try Proportion(defective: 1, inspected: 10))]
        #expect(Statistics.cochranArmitage(one) == nil)
        let none: [(score: Double, counts: Proportion)] = [
            (4, try Proportion(defective: 0, inspected: 10)), (5, try Proportion(defective: 0, inspected: 20)),
        ]
        #expect(Statistics.cochranArmitage(none) == nil)
        let sameScore: [(score: Double, counts: Proportion)] = [
            (4, try Proportion(defective: 1, inspected: 10)), (4, try Proportion(defective: 2, inspected: 20)),
        ]
        #expect(Statistics.cochranArmitage(sameScore) == nil)
    }
}
