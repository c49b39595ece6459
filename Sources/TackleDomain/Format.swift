/// Numbers as text reports print them: fixed decimals, the same on every machine.
///
/// No locale is consulted and Foundation's formatters are not used, so a report reads the
/// same whatever the server's settings, and `3.20%` never becomes `3,20 %`. Rounding is half
/// away from zero on the decimal value as written: `1.005` with two decimals is `1.01`, even
/// though the nearest binary double lies a hair below it. Values within a relative 1e-12 of a
/// half count as the half. Not-a-number prints as `n/a`.
public enum Format {
    /// A number with a fixed count of decimals: `number(3.0987, decimals: 2)` is `3.10`.
    ///
    /// - Parameters:
    ///   - value: The number.
    ///   - decimals: Digits after the decimal point, 0 to 12; values outside are clamped.
    /// - Returns: The digits, with `-` for negative values that do not round to zero; `n/a`
    ///   for `NaN`, `inf` or `-inf` for infinities. Magnitudes of 1e15 and beyond, where a
    ///   double has no fractional digits left, print in Swift's shortest form.
    public static func number(_ value: Double, decimals: Int) -> String {
        if value.isNaN { return "n/a" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        let decimals = min(max(decimals, 0), 12)
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = abs(value) * scale
        guard abs(value) < 1e15, scaled < 9e15 else { return "\(value)" }

        var units = scaled.rounded(.down)
        if scaled - units >= 0.5 - scaled * 1e-12 { units += 1 }
        let digits = Int(units)
        let divisor = Int(scale)
        var text = String(digits / divisor)
        if decimals > 0 {
            let fraction = String(digits % divisor)
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return value < 0 && digits != 0 ? "-" + text : text
    }

    /// A rate as a percentage: `percent(0.032)` is `3.20%`.
    ///
    /// - Parameters:
    ///   - rate: The rate as a fraction, such as 0.032 for 48 of 1500.
    ///   - decimals: Digits after the decimal point.
    /// - Returns: The percentage with a `%` sign and no space before it.
    public static func percent(_ rate: Double, decimals: Int = 2) -> String {
        let text = number(rate * 100, decimals: decimals)
        return rate.isNaN ? text : text + "%"
    }

    /// A difference of rates in percentage points, always signed: `points(0.0095)` is `+0.95`.
    ///
    /// Differences read as changes, so a positive value carries `+`. A difference that rounds
    /// to zero prints without a sign.
    ///
    /// - Parameters:
    ///   - difference: The difference of two rates as fractions, such as 0.0095 for 0.95 points.
    ///   - decimals: Digits after the decimal point.
    /// - Returns: The difference in percentage points, without a unit.
    public static func points(_ difference: Double, decimals: Int = 2) -> String {
        let text = number(difference * 100, decimals: decimals)
        guard difference > 0, text.contains(where: { $0 != "0" && $0 != "." }) else { return text }
        return "+" + text
    }

    /// A p-value with four decimals, or `< 0.0001` for smaller ones: `pValue(0.00194)` is
    /// `0.0019`.
    ///
    /// - Parameter p: The p-value.
    /// - Returns: The p-value as reports print it.
    public static func pValue(_ p: Double) -> String {
        if p < 0.0001 { return "< 0.0001" }
        return number(p, decimals: 4)
    }
}
