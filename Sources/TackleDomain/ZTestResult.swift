/// The outcome of a two-proportion z-test.
public struct ZTestResult: Sendable, Hashable, Codable {
    /// The test statistic: the difference of the rates, first minus second, divided by its
    /// pooled standard error. Positive when the first rate is the higher one.
    public var z: Double
    /// The two-sided p-value: the probability of a |z| at least this large when both rates
    /// are in truth the same.
    public var pValue: Double

    /// Creates a result.
    ///
    /// - Parameters:
    ///   - z: The test statistic.
    ///   - pValue: The two-sided p-value.
    public init(z: Double, pValue: Double) {
        self.z = z
        self.pValue = pValue
    }
}
