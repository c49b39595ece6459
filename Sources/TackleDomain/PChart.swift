/// A p-chart of defect rates with variable sample sizes, such as one point per month.
///
/// The centre line is the overall rate, total defective over total inspected, not the mean
/// of the monthly rates: a month with 300 slabs must not weigh as much as one with 3000. Each
/// point has its own 3-sigma limits, wider for smaller samples. Build one with
/// ``Statistics/pChart(_:)``.
public struct PChart: Sendable, Hashable, Codable {
    /// One sample on the chart.
    public struct Point: Sendable, Hashable, Codable {
        /// The sample's counts.
        public var sample: Proportion
        /// The sample's rate; `nil` when it inspected nothing.
        public var rate: Double?
        /// The centre line, the same for every point.
        public var centre: Double
        /// The lower control limit, p̄ - 3·sqrt(p̄(1-p̄)/n), floored at 0; `nil` when the sample
        /// inspected nothing.
        public var lower: Double?
        /// The upper control limit, p̄ + 3·sqrt(p̄(1-p̄)/n), capped at 1; `nil` when the sample
        /// inspected nothing.
        public var upper: Double?
        /// Whether the rate lies strictly below the lower or above the upper limit, a signal
        /// that something changed in the process that month.
        public var isOutsideLimits: Bool

        /// Creates a point.
        ///
        /// - Parameters:
        ///   - sample: The sample's counts.
        ///   - rate: The sample's rate.
        ///   - centre: The centre line.
        ///   - lower: The lower control limit.
        ///   - upper: The upper control limit.
        ///   - isOutsideLimits: Whether the rate lies outside the limits.
        public init(
            sample: Proportion,
            rate: Double?,
            centre: Double,
            lower: Double?,
            upper: Double?,
            isOutsideLimits: Bool
        ) {
            self.sample = sample
            self.rate = rate
            self.centre = centre
            self.lower = lower
            self.upper = upper
            self.isOutsideLimits = isOutsideLimits
        }
    }

    /// The centre line p̄: total defective over total inspected.
    public var centre: Double
    /// All samples pooled.
    public var total: Proportion
    /// One point per sample, in the order given.
    public var points: [Point]

    /// Creates a chart.
    ///
    /// - Parameters:
    ///   - centre: The centre line.
    ///   - total: All samples pooled.
    ///   - points: One point per sample.
    public init(centre: Double, total: Proportion, points: [Point]) {
        self.centre = centre
        self.total = total
        self.points = points
    }
}
