extension Statistics {
    /// Holm's step-down adjustment of p-values for testing several hypotheses at once.
    ///
    /// A project tests T1, T2, ... all against one baseline, so some "better" verdicts would be
    /// luck; taking the verdict from the adjusted p keeps the chance of any false finding at α.
    /// Sorted ascending, the i-th smallest (1-based) becomes (m − i + 1) × p, capped at 1 and made
    /// non-decreasing in that order.
    ///
    /// - Parameter pValues: The raw p-values, in any order.
    /// - Returns: The adjusted p-values, in the order given.
    public static func holmAdjusted(_ pValues: [Double]) -> [Double] {
        let count = pValues.count
        let order = pValues.indices.sorted { (pValues[$0], $0) < (pValues[$1], $1) }
        var adjusted = [Double](repeating: 1, count: count)
        var running = 0.0
        for (rank, index) in order.enumerated() {
            running = max(running, min(1, Double(count - rank) * pValues[index]))
            adjusted[index] = running
        }
        return adjusted
    }
}
