extension Statistics {
    /// The share of the gap from baseline to target that the current rate has closed.
    ///
    /// (baseline - current) / (baseline - target), for metrics where lower is better. The
    /// result is deliberately not clamped, so that a report can say what happened: 0 means no
    /// progress, 1 means the target is reached, above 1 means it is beaten, and below 0 means
    /// the rate got worse than the baseline.
    ///
    /// - Parameters:
    ///   - baseline: The baseline rate.
    ///   - target: The target rate, below the baseline.
    ///   - current: The current rate.
    /// - Returns: The share closed, or `nil` when the target is not below the baseline (there
    ///   is no gap to close) or a value is not finite.
    public static func gapClosed(baseline: Double, target: Double, current: Double) -> Double? {
        guard baseline.isFinite, target.isFinite, current.isFinite, baseline > target else { return nil }
        return (baseline - current) / (baseline - target)
    }
}
