extension Statistics {
    /// The Wilson score interval of a proportion.
    ///
    /// Unlike the Wald interval (rate ± z·SE), the Wilson interval keeps its coverage for
    /// small counts and rates near 0, which is exactly where crack rates live, and it never
    /// leaves `0...1`. With no defective items the lower end is exactly 0; with all items
    /// defective the upper end is exactly 1.
    ///
    /// - Parameters:
    ///   - defective: The number of defective items, `0...inspected`.
    ///   - inspected: The number of items inspected.
    ///   - confidence: The confidence level, strictly between 0 and 1.
    /// - Returns: The interval, or `nil` when nothing was inspected, the counts are
    ///   inconsistent, or the confidence level is out of range.
    public static func wilson(defective: Int, inspected: Int, confidence: Double = 0.95) -> ClosedRange<Double>? {
        guard inspected > 0, defective >= 0, defective <= inspected,
            let z = criticalValue(confidence: confidence)
        else { return nil }
        let n = Double(inspected)
        let p = Double(defective) / n
        let z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denominator
        let halfWidth = z * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot() / denominator
        // The bounds are exactly 0 and 1 in these cases; rounding must not make them 1e-17.
        let lower = defective == 0 ? 0 : max(0, centre - halfWidth)
        let upper = defective == inspected ? 1 : min(1, centre + halfWidth)
        return lower...upper
    }

    /// Newcombe's hybrid score interval for the difference of two rates, `rate(a) - rate(b)`.
    ///
    /// This is method 10 of Newcombe (1998), "Interval estimation for the difference between
    /// independent proportions", *Statistics in Medicine* 17: it combines the Wilson
    /// intervals of the two rates, so it behaves well with few or no defects, where the Wald
    /// interval of the difference collapses or overshoots.
    ///
    /// - Parameters:
    ///   - a: The first proportion.
    ///   - b: The second proportion, subtracted from the first.
    ///   - confidence: The confidence level, strictly between 0 and 1.
    /// - Returns: The interval, within `-1...1`, or `nil` when either side inspected nothing
    ///   or the confidence level is out of range.
    public static func newcombeDifference(
        _ a: Proportion,
        _ b: Proportion,
        confidence: Double = 0.95
    ) -> ClosedRange<Double>? {
        guard let p1 = a.rate, let p2 = b.rate,
            let interval1 = a.wilsonInterval(confidence: confidence),
            let interval2 = b.wilsonInterval(confidence: confidence)
        else { return nil }
        let difference = p1 - p2
        let lowerDistance = ((p1 - interval1.lowerBound).square + (interval2.upperBound - p2).square).squareRoot()
        let upperDistance = ((interval1.upperBound - p1).square + (p2 - interval2.lowerBound).square).squareRoot()
        return max(-1, difference - lowerDistance)...min(1, difference + upperDistance)
    }
}

extension Double {
    /// The value times itself.
    var square: Double { self * self }
}
