import Testing

@testable import TackleDomain

@Suite("Hypothesis tests")
struct HypothesisTestTests {
    @Test("z-test of the worked example: z = 3.10, two-sided p = 0.0019")
    func zWorkedExample() throws {
        let baseline = try Proportion(defective: 48, inspected: 1500)
        let trial = try Proportion(defective: 6, inspected: 650)
        let result = try #require(Statistics.twoProportionZTest(baseline, trial))
        #expect(matches(result.z, printed: 3.10, decimals: 2))
        #expect(matches(result.pValue, printed: 0.0019, decimals: 4))
    }

    @Test("z is positive when the first rate is higher and flips sign when swapped")
    func zSign() throws {
        let high = try Proportion(defective: 56, inspected: 70)
        let low = try Proportion(defective: 48, inspected: 80)
        let forward = try #require(Statistics.twoProportionZTest(high, low))
        let backward = try #require(Statistics.twoProportionZTest(low, high))
        // R: prop.test(c(56, 48), c(70, 80), correct = FALSE) gives X-squared = 7.0234 = z².
        #expect(matches(forward.z * forward.z, printed: 7.0234, decimals: 4))
        #expect(forward.z > 0)
        #expect(backward.z == -forward.z)
        #expect(backward.pValue == forward.pValue)
    }

    @Test("z of equal rates is 0 with p = 1")
    func zEqual() throws {
        let a = try Proportion(defective: 3, inspected: 100)
        let b = try Proportion(defective: 30, inspected: 1000)
        let result = try #require(Statistics.twoProportionZTest(a, b))
        #expect(result.z == 0)
        #expect(result.pValue == 1)
    }

    @Test(
        "z-test is nil when z is undefined",
        arguments: [(0, 0, 3, 100), (3, 100, 0, 0), (0, 100, 0, 650), (100, 100, 650, 650)]
    )
    func zUndefined(x1: Int, n1: Int, x2: Int, n2: Int) throws {
        let a = try Proportion(defective: x1, inspected: n1)
        let b = try Proportion(defective: x2, inspected: n2)
        #expect(Statistics.twoProportionZTest(a, b) == nil)
    }

    /// Two-sided p-values as R's `fisher.test` prints them (and scipy.stats.fisher_exact 1.17
    /// agrees): the worked example, Fisher's tea-tasting lady, the Wikipedia example of
    /// studying by sex, and a large table.
    @Test(
        "Fisher's exact test matches published values",
        arguments: [
            (48, 1500, 6, 650, 0.0014, 4),
            (3, 4, 1, 4, 0.4857, 4),
            (1, 10, 11, 14, 0.002759, 6),
            (3000, 5000, 2900, 5000, 0.04412, 5),
            (0, 40, 48, 1500, 0.6338, 4),
        ]
    )
    func fisherPublished(x1: Int, n1: Int, x2: Int, n2: Int, p: Double, decimals: Int) throws {
        let a = try Proportion(defective: x1, inspected: n1)
        let b = try Proportion(defective: x2, inspected: n2)
        #expect(matches(Statistics.fisherExactTwoSided(a, b), printed: p, decimals: decimals))
        #expect(matches(Statistics.fisherExactTwoSided(b, a), printed: p, decimals: decimals))
    }

    @Test("Fisher's exact test with counts in the thousands neither overflows nor underflows to 0")
    func fisherLargeCounts() throws {
        let baseline = try Proportion(defective: 480, inspected: 15000)
        let trial = try Proportion(defective: 60, inspected: 6500)
        let p = Statistics.fisherExactTwoSided(baseline, trial)
        // scipy.stats.fisher_exact gives 1.78872e-26.
        #expect(abs(p / 1.788_720_625_891_057_5e-26 - 1) < 1e-6)
    }

    @Test("Fisher keeps tables tied with the observed one despite rounding")
    func fisherTies() throws {
        // A symmetric table: x and k - x are equally likely, so both tails count in full.
        let a = try Proportion(defective: 2, inspected: 10)
        let b = try Proportion(defective: 8, inspected: 10)
        // R: fisher.test(matrix(c(2, 8, 8, 2), 2))$p.value = 0.02301.
        #expect(matches(Statistics.fisherExactTwoSided(a, b), printed: 0.02301, decimals: 5))
    }

    @Test(
        "Fisher is 1 when the margins allow only one table",
        arguments: [(0, 0, 3, 100), (3, 100, 0, 0), (0, 10, 0, 10), (10, 10, 20, 20), (0, 0, 0, 0)]
    )
    func fisherDegenerate(x1: Int, n1: Int, x2: Int, n2: Int) throws {
        let a = try Proportion(defective: x1, inspected: n1)
        let b = try Proportion(defective: x2, inspected: n2)
        #expect(Statistics.fisherExactTwoSided(a, b) == 1)
    }

    @Test("Fisher of identical rates is 1")
    func fisherIdentical() throws {
        let a = try Proportion(defective: 5, inspected: 100)
        #expect(isClose(Statistics.fisherExactTwoSided(a, a), 1, within: 1e-12))
    }
}

/// Fisher's exact test on large and lopsided tables: the outward walk from the mode must agree with
/// the whole-support sum. Reference: SciPy 1.17.1, `scipy.stats.fisher_exact([[a, n-a], [b, m-b]])[1]`
/// (two-sided, the same "no more likely than observed" rule).
@Suite("Fisher's exact test, large tables")
struct FisherLargeTableTests {
    @Test(
        "matches SciPy on large and lopsided tables",
        arguments: [
            (60000, 2_000_000, 58000, 2_000_000, 3.479098141240908e-09),
            (60000, 2_000_000, 60000, 2_000_000, 1.0),
            (48, 1500, 6, 650, 0.001373821303262726),
            (3, 40000, 0, 1, 1.0),
            (0, 5, 5, 5, 0.007936507936507938),
            (1000, 2000, 1, 1000, 6.752676960655582e-225),
        ]
    )
    func reference(a: Int, n: Int, b: Int, m: Int, expected: Double) throws {
        let p = Statistics.fisherExactTwoSided(
            try Proportion(defective: a, inspected: n), try Proportion(defective: b, inspected: m))
        #expect(abs(p - expected) <= max(1e-9 * expected, 1e-300), "p = \(p), SciPy \(expected)")
    }
}
