import Testing

@testable import TackleBoard

/// The scale functions every chart draws through.
@Suite("Board: scales")
struct ScaleTests {
    @Test("a linear scale maps the domain's ends to its coordinates, also upside down")
    func linear() {
        let y = Scale(domain: 0...0.05, from: 270, to: 30)
        #expect(y(0) == 270)
        #expect(y(0.05) == 30)
        #expect(abs(y(0.025) - 150) < 1e-9)
        #expect(Scale(domain: 1...1, from: 5, to: 9)(3) == 5, "a domain of no width maps to the start")
    }

    /// Worked by hand: the step is the first of 1, 2, 2.5, 5, 10 × 10^k with 5 steps reaching the value.
    @Test(
        "round axes: the top is a whole number of round steps at or above the value",
        arguments: [
            (0.0437, 0.05, 6), (0.032, 0.04, 5), (0.1, 0.1, 6), (0.0081, 0.01, 6), (0.6, 0.6, 4),
            (0.0, 0.01, 3),
        ])
    func roundAxis(value: Double, top: Double, ticks: Int) {
        let axis = Scale.roundAxis(upTo: value)
        #expect(abs(axis.top - top) < 1e-12, "\(value) -> \(axis.top)")
        #expect(axis.ticks.count == ticks, "\(value) -> \(axis.ticks)")
        #expect(axis.ticks.first == 0)
        #expect(axis.top >= value)
    }

    @Test(
        "coordinates are written with one decimal at most, no -0 and no exponent",
        arguments: [
            (12.0, "12"), (12.25, "12.3"), (0.04, "0"), (-0.04, "0"), (-0.5, "-0.5"), (-3.25, "-3.3"),
            (1e-7, "0"), (1234.56, "1234.6"), (Double.nan, "0"),
        ])
    func numbers(value: Double, text: String) {
        #expect(Scale.number(value) == text)
    }

    @Test("tick labels carry the decimals the step needs")
    func tickLabels() {
        #expect(Scale.tickLabel(0.02, step: 0.01) == "2%")
        #expect(Scale.tickLabel(0.005, step: 0.0025) == "0.50%")
        #expect(Scale.tickLabel(0.015, step: 0.005) == "1.5%")
    }
}
