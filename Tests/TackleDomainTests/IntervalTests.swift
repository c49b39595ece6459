import Testing

@testable import TackleDomain

@Suite("Confidence intervals")
struct IntervalTests {
    @Test("Wilson 95 % for the worked example 48/1500 is 2.42 %-4.22 %")
    func wilsonWorkedExample() throws {
        let interval = try #require(try Proportion(defective: 48, inspected: 1500).wilsonInterval())
        #expect(matches(interval.lowerBound * 100, printed: 2.42, decimals: 2))
        #expect(matches(interval.upperBound * 100, printed: 4.22, decimals: 2))
    }

    /// Newcombe (1998), "Two-sided confidence intervals for the single proportion",
    /// Statistics in Medicine 17, table II, method 3 (score interval without continuity
    /// correction).
    @Test(
        "Wilson matches Newcombe 1998",
        arguments: [
            (81, 263, 0.2553, 0.3662),
            (15, 148, 0.0624, 0.1605),
            (0, 20, 0.0000, 0.1611),
            (1, 29, 0.0061, 0.1718),
            (29, 29, 0.8830, 1.0000),
        ]
    )
    func wilsonPublished(defective: Int, inspected: Int, lower: Double, upper: Double) throws {
        let interval = try #require(Statistics.wilson(defective: defective, inspected: inspected))
        #expect(matches(interval.lowerBound, printed: lower, decimals: 4))
        #expect(matches(interval.upperBound, printed: upper, decimals: 4))
    }

    @Test("Wilson is exactly 0 below for no defects and exactly 1 above for all defective")
    func wilsonEnds() throws {
        let none = try #require(Statistics.wilson(defective: 0, inspected: 650))
        #expect(none.lowerBound == 0)
        #expect(none.upperBound > 0 && none.upperBound < 0.01)
        let all = try #require(Statistics.wilson(defective: 1, inspected: 1))
        #expect(all.upperBound == 1)
        #expect(matches(all.lowerBound, printed: 0.2065, decimals: 4))
    }

    @Test("Wilson is not the Wald interval: it stays inside 0...1 and is not symmetric")
    func wilsonNotWald() throws {
        let interval = try #require(Statistics.wilson(defective: 1, inspected: 20))
        // Wald would give 0.05 ± 0.0955, i.e. a negative lower end.
        #expect(interval.lowerBound > 0)
        #expect(0.05 - interval.lowerBound < interval.upperBound - 0.05)
    }

    @Test("Wilson widens with confidence")
    func wilsonConfidence() throws {
        let ninety = try #require(Statistics.wilson(defective: 48, inspected: 1500, confidence: 0.90))
        let ninetyNine = try #require(Statistics.wilson(defective: 48, inspected: 1500, confidence: 0.99))
        #expect(ninetyNine.lowerBound < ninety.lowerBound)
        #expect(ninetyNine.upperBound > ninety.upperBound)
    }

    @Test(
        "Wilson is nil when undefined",
        arguments: [(0, 0, 0.95), (5, 0, 0.95), (-1, 5, 0.95), (6, 5, 0.95), (1, 5, 0), (1, 5, 1), (1, 5, .nan)]
    )
    func wilsonUndefined(defective: Int, inspected: Int, confidence: Double) {
        #expect(Statistics.wilson(defective: defective, inspected: inspected, confidence: confidence) == nil)
    }

    @Test("Newcombe 95 % of the worked example difference is +0.95 to +3.41 points")
    func newcombeWorkedExample() throws {
        let baseline = try Proportion(defective: 48, inspected: 1500)
        let trial = try Proportion(defective: 6, inspected: 650)
        let interval = try #require(Statistics.newcombeDifference(baseline, trial))
        #expect(matches(interval.lowerBound * 100, printed: 0.95, decimals: 2))
        #expect(matches(interval.upperBound * 100, printed: 3.41, decimals: 2))
    }

    /// Newcombe (1998), "Interval estimation for the difference between independent
    /// proportions", Statistics in Medicine 17, table II, method 10.
    @Test(
        "Newcombe matches Newcombe 1998",
        arguments: [
            (56, 70, 48, 80, 0.0524, 0.3339),
            (9, 10, 3, 10, 0.1705, 0.8090),
            (6, 7, 2, 7, 0.0582, 0.8062),
            (5, 56, 0, 29, -0.0381, 0.1926),
            (0, 10, 0, 20, -0.1611, 0.2775),
            (0, 10, 0, 10, -0.2775, 0.2775),
            (10, 10, 0, 20, 0.6791, 1.0000),
            (10, 10, 0, 10, 0.6075, 1.0000),
        ]
    )
    func newcombePublished(x1: Int, n1: Int, x2: Int, n2: Int, lower: Double, upper: Double) throws {
        let a = try Proportion(defective: x1, inspected: n1)
        let b = try Proportion(defective: x2, inspected: n2)
        let interval = try #require(Statistics.newcombeDifference(a, b))
        #expect(matches(interval.lowerBound, printed: lower, decimals: 4))
        #expect(matches(interval.upperBound, printed: upper, decimals: 4))
    }

    @Test("Newcombe mirrors when the proportions swap")
    func newcombeSwap() throws {
        let a = try Proportion(defective: 56, inspected: 70)
        let b = try Proportion(defective: 48, inspected: 80)
        let forward = try #require(Statistics.newcombeDifference(a, b))
        let backward = try #require(Statistics.newcombeDifference(b, a))
        #expect(isClose(backward.lowerBound, -forward.upperBound, within: 1e-15))
        #expect(isClose(backward.upperBound, -forward.lowerBound, within: 1e-15))
    }

    @Test("Newcombe is nil when a side inspected nothing")
    func newcombeEmpty() throws {
        let empty = try Proportion(defective: 0, inspected: 0)
        let some = try Proportion(defective: 3, inspected: 100)
        #expect(Statistics.newcombeDifference(empty, some) == nil)
        #expect(Statistics.newcombeDifference(some, empty) == nil)
    }
}
