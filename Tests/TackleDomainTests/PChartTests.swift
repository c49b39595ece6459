import Testing

@testable import TackleDomain

@Suite("p-chart")
struct PChartTests {
    /// Six months with very different sample sizes, one of them empty.
    static let months: [(defective: Int, inspected: Int)] = [
        (12, 400), (9, 380), (30, 420), (3, 1500), (0, 0), (8, 300),
    ]

    func chart() throws -> PChart {
        let samples = try Self.months.map { try Proportion(defective: $0.defective, inspected: $0.inspected) }
        return try #require(Statistics.pChart(samples))
    }

    @Test("the centre is total defective over total inspected, not the mean of monthly rates")
    func centre() throws {
        let chart = try chart()
        #expect(chart.centre == 62.0 / 3000)
        #expect(chart.total == (try Proportion(defective: 62, inspected: 3000)))
        // The mean of the five monthly percentages would be 3.08 %, well above 2.07 %.
        #expect(chart.centre < 0.021)
        #expect(chart.points.allSatisfy { $0.centre == chart.centre })
    }

    @Test("limits are p̄ ± 3·sqrt(p̄(1-p̄)/n), floored at 0")
    func limits() throws {
        let points = try chart().points
        #expect(points.count == 6)
        let p = 62.0 / 3000
        for (point, month) in zip(points, Self.months) where month.inspected > 0 {
            let threeSigma = 3 * (p * (1 - p) / Double(month.inspected)).squareRoot()
            #expect(isClose(point.upper, p + threeSigma, within: 1e-15))
            #expect(isClose(point.lower, max(0, p - threeSigma), within: 1e-15))
            #expect(point.rate == Double(month.defective) / Double(month.inspected))
        }
        // Small months would reach below 0; the large month has a positive lower limit.
        #expect(points[0].lower == 0)
        #expect(isClose(points[3].lower, 0.009_646_805_808_500_927, within: 1e-15))
        #expect(isClose(points[0].upper, 0.042_006_535_457_266_105, within: 1e-15))
    }

    @Test(
        "points beyond either limit are flagged", arguments: [(0, false), (1, false), (2, true), (3, true), (5, false)])
    func outside(index: Int, isOutside: Bool) throws {
        #expect(try chart().points[index].isOutsideLimits == isOutside)
    }

    @Test("a month that inspected nothing stays on the chart without a rate or limits")
    func emptyMonth() throws {
        let point = try chart().points[4]
        #expect(point.rate == nil)
        #expect(point.lower == nil)
        #expect(point.upper == nil)
        #expect(!point.isOutsideLimits)
        #expect(point.sample.inspected == 0)
    }

    @Test("a process with no defects has zero-width limits and no signals")
    func noDefects() throws {
        let chart = try #require(
            Statistics.pChart([
                try Proportion(defective: 0, inspected: 300), try Proportion(defective: 0, inspected: 900),
            ])
        )
        #expect(chart.centre == 0)
        #expect(chart.points.allSatisfy { $0.lower == 0 && $0.upper == 0 && !$0.isOutsideLimits })
    }

    @Test("the upper limit is capped at 1")
    func cappedAtOne() throws {
        let chart = try #require(
            Statistics.pChart([try Proportion(defective: 1, inspected: 2), try Proportion(defective: 0, inspected: 1)])
        )
        #expect(chart.points.allSatisfy { $0.upper == 1 })
    }

    @Test("no chart without samples or without anything inspected")
    func undefined() throws {
        #expect(Statistics.pChart([]) == nil)
        #expect(Statistics.pChart([try Proportion(defective: 0, inspected: 0)]) == nil)
    }
}
