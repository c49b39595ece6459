extension Statistics {
    /// The 3-sigma limits of a p-chart point: p̄ ± 3·sqrt(p̄(1-p̄)/n), clamped to `0...1`.
    ///
    /// NIST/SEMATECH e-Handbook of Statistical Methods, 6.3.3.2 (p charts): the lower limit of a
    /// small sample would fall below 0 and is set to 0. Each sample gets the limits of its own n,
    /// so a month of 300 slabs has wider limits than one of 3000.
    ///
    /// - Parameters:
    ///   - centre: The centre line p̄, a fraction in `0...1`.
    ///   - inspected: The sample size n.
    /// - Returns: The limits, or `nil` when the sample inspected nothing.
    public static func pChartLimits(centre: Double, inspected: Int) -> ClosedRange<Double>? {
        guard inspected > 0 else { return nil }
        let threeSigma = 3 * (centre * (1 - centre) / Double(inspected)).squareRoot()
        return max(0, centre - threeSigma)...min(1, centre + threeSigma)
    }
}
