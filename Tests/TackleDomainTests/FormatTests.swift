import Testing

@testable import TackleDomain

@Suite("Number formatting")
struct FormatTests {
    @Test(
        "fixed decimals, rounded half away from zero on the decimal value",
        arguments: [
            (3.0987, 2, "3.10"),
            (0.0, 2, "0.00"),
            (-0.0, 2, "0.00"),
            (-0.001, 2, "0.00"),
            (-1.2345, 3, "-1.235"),
            (1.005, 2, "1.01"),
            (2.675, 2, "2.68"),
            (-2.675, 2, "-2.68"),
            (0.125, 2, "0.13"),
            (0.124_999, 2, "0.12"),
            (9.995, 2, "10.00"),
            (1500, 0, "1500"),
            (2.5, 0, "3"),
            (-2.5, 0, "-3"),
            (0.05, 1, "0.1"),
            (123_456.789, 1, "123456.8"),
            (0.000_012_3, 6, "0.000012"),
            (3.2, -1, "3"),
            (Double.nan, 2, "n/a"),
            (Double.infinity, 2, "inf"),
            (-Double.infinity, 2, "-inf"),
        ]
    )
    func number(value: Double, decimals: Int, expected: String) {
        #expect(Format.number(value, decimals: decimals) == expected)
    }

    @Test("huge values do not trap")
    func huge() {
        #expect(Format.number(1e300, decimals: 2) == "1e+300")
    }

    @Test(
        "percent of a rate, no space before %",
        arguments: [
            (0.032, 2, "3.20%"),
            (6.0 / 650, 2, "0.92%"),
            (0.024_220_218_535_445_6, 2, "2.42%"),
            (0.042_170_728_618_644_29, 2, "4.22%"),
            (0.0, 2, "0.00%"),
            (1.0, 1, "100.0%"),
            (0.01005, 2, "1.01%"),
            (0.005, 0, "1%"),
            (Double.nan, 2, "n/a"),
        ]
    )
    func percent(rate: Double, decimals: Int, expected: String) {
        #expect(Format.percent(rate, decimals: decimals) == expected)
    }

    @Test(
        "differences in percentage points carry a sign",
        arguments: [
            (0.009_491_087_070_932_975, "+0.95"),
            (0.034_099_689_399_459_86, "+3.41"),
            (-0.0123, "-1.23"),
            (0.0, "0.00"),
            (0.000_01, "0.00"),
            (-0.000_01, "0.00"),
            (0.000_05, "+0.01"),
        ]
    )
    func points(difference: Double, expected: String) {
        #expect(Format.points(difference) == expected)
    }

    @Test(
        "p-values with four decimals, small ones as a bound",
        arguments: [
            (0.001_943_818_143_939_923, "0.0019"),
            (0.001_373_821_303_262_726, "0.0014"),
            (0.485_714_285_714_285_65, "0.4857"),
            (1.0, "1.0000"),
            (0.0001, "0.0001"),
            (0.000_099_9, "< 0.0001"),
            (1.8e-26, "< 0.0001"),
            (0.0, "< 0.0001"),
            (Double.nan, "n/a"),
        ]
    )
    func pValue(p: Double, expected: String) {
        #expect(Format.pValue(p) == expected)
    }

    @Test("the worked example prints as the domain brief states it")
    func workedExample() throws {
        let result = Statistics.compare(
            trial: try Proportion(defective: 6, inspected: 650),
            baseline: try Proportion(defective: 48, inspected: 1500)
        )
        let interval = try #require(result.differenceInterval)
        let baseline = try #require(result.baselineInterval)
        #expect(Format.number(try #require(result.z), decimals: 2) == "3.10")
        #expect(Format.pValue(try #require(result.zPValue)) == "0.0019")
        #expect(Format.pValue(result.fisherPValue) == "0.0014")
        #expect("\(Format.percent(baseline.lowerBound))-\(Format.percent(baseline.upperBound))" == "2.42%-4.22%")
        #expect("\(Format.points(interval.lowerBound)) to \(Format.points(interval.upperBound))" == "+0.95 to +3.41")
    }
}
