import TackleDomain

/// A linear map from data values to drawing coordinates, and the numbers a chart writes.
///
/// Every chart of the board draws through these: a rate axis from 0 to a round top, the months
/// along the other axis. `to` may be below `from` (an SVG y axis grows downwards).
struct Scale: Sendable, Hashable {
    /// The data interval.
    var domain: ClosedRange<Double>
    /// The drawing coordinates of the domain's lower and upper ends.
    var from: Double
    var to: Double

    /// The coordinate of `value`; a domain of zero width maps everything to `from`.
    func callAsFunction(_ value: Double) -> Double {
        let width = domain.upperBound - domain.lowerBound
        guard width > 0, value.isFinite else { return from }
        return from + (value - domain.lowerBound) / width * (to - from)
    }

    /// A round top for a rate axis at or above `value`, and the ticks from 0 to it: 0.0437 gives
    /// the top 0.05 with ticks 0, 0.01, ... 0.05.
    ///
    /// - Parameters:
    ///   - value: The highest value the axis must show.
    ///   - count: About how many steps the axis should have.
    /// - Returns: The top and the ticks, 0 first; a top of 0.01 when `value` is 0 or not finite.
    static func roundAxis(upTo value: Double, steps count: Int = 5) -> (top: Double, ticks: [Double]) {
        guard value.isFinite, value > 0 else { return (0.01, [0, 0.005, 0.01]) }
        let raw = value / Double(max(count, 1))
        var magnitude = 1.0
        while magnitude > raw { magnitude /= 10 }
        while magnitude * 10 <= raw { magnitude *= 10 }
        let step =
            [1.0, 2.0, 2.5, 5.0, 10.0].map { $0 * magnitude }.first { $0 * Double(count) >= value } ?? magnitude * 10
        // A hair below the quotient, so that 0.6 / 0.2 = 3.0000000000000004 is three steps, not four.
        let steps = max(1, Int((value / step - 1e-9).rounded(.up)))
        return (step * Double(steps), (0...steps).map { Double($0) * step })
    }

    /// A coordinate as an SVG attribute writes it: one decimal, no `-0`, no exponent.
    ///
    /// - Parameter value: The coordinate.
    /// - Returns: `12.5`, `12`, `0`.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = (value * 10).rounded()
        if tenths == 0 { return "0" }
        let whole = Int(tenths) / 10
        let fraction = abs(Int(tenths) % 10)
        if fraction == 0 { return String(whole) }
        return (tenths < 0 && whole == 0 ? "-" : "") + String(whole) + "." + String(fraction)
    }

    /// A rate on an axis label: `3%`, `0.5%`, `2.5%`, with no more decimals than the ticks need.
    ///
    /// - Parameters:
    ///   - rate: The rate as a fraction.
    ///   - step: The distance between ticks, as a fraction.
    /// - Returns: The percentage.
    static func tickLabel(_ rate: Double, step: Double) -> String {
        var decimals = 0
        var unit = 1.0
        while decimals < 4, (step * 100 / unit - (step * 100 / unit).rounded()).magnitude > 1e-9 {
            decimals += 1
            unit /= 10
        }
        return Format.percent(rate, decimals: decimals)
    }
}
