extension Statistics {
    /// The number of items per arm needed to detect a change from one rate to another.
    ///
    /// Uses the normal approximation for comparing two proportions with a two-sided test:
    ///
    ///     n = (z(1-α/2)·sqrt(2·p̄(1-p̄)) + z(power)·sqrt(p1(1-p1) + p2(1-p2)))² / (p1 - p2)²
    ///
    /// with p̄ = (p1 + p2) / 2, rounded up. A drop from 3 % to 1 % at α = 0.05 and power 0.8
    /// needs 769 slabs per arm. Treat the result as an order of magnitude: with very few
    /// expected defects the approximation is rough.
    ///
    /// - Parameters:
    ///   - p1: The baseline rate, in `0...1`.
    ///   - p2: The rate the change is expected to reach, in `0...1`. An expected rate of 0
    ///     (a trial that found no defect) is allowed.
    ///   - alpha: The two-sided significance level, strictly between 0 and 1.
    ///   - power: The probability of detecting the change if it is real, strictly between 0
    ///     and 1.
    /// - Returns: Items per arm, at least 1; `nil` when the rates are equal, a rate lies
    ///   outside `0...1`, `alpha` or `power` lies outside `(0, 1)`, or the answer would not fit
    ///   in an `Int`.
    public static func sampleSizePerArm(
        baselineRate p1: Double,
        expectedRate p2: Double,
        alpha: Double = 0.05,
        power: Double = 0.8
    ) -> Int? {
        guard (0...1).contains(p1), (0...1).contains(p2), p1 != p2,
            alpha > 0, alpha < 1, power > 0, power < 1
        else { return nil }
        let zAlpha = normalQuantile(1 - alpha / 2)
        let zBeta = normalQuantile(power)
        let mean = (p1 + p2) / 2
        let spread =
            zAlpha * (2 * mean * (1 - mean)).squareRoot() + zBeta * (p1 * (1 - p1) + p2 * (1 - p2)).squareRoot()
        let n = (spread * spread / ((p1 - p2) * (p1 - p2))).rounded(.up)
        guard n.isFinite, n < 1e15 else { return nil }
        return max(1, Int(n))
    }
}
