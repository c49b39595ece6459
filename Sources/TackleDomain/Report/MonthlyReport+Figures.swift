extension MonthlyReport {
    /// A confidence interval of a rate, as fractions: `{"lower": 0.009, "upper": 0.0231}`.
    ///
    /// Swift encodes a `ClosedRange` as a bare two-element array; a report is a published
    /// document, so its intervals carry their bounds by name.
    public struct Interval: Sendable, Hashable, Codable {
        /// The lower bound, a fraction.
        public var lower: Double
        /// The upper bound, a fraction.
        public var upper: Double

        /// Creates an interval from its bounds.
        ///
        /// - Parameters:
        ///   - lower: The lower bound.
        ///   - upper: The upper bound.
        public init(lower: Double, upper: Double) {
            self.lower = lower
            self.upper = upper
        }

        /// Creates an interval from a range, such as a Wilson interval.
        ///
        /// - Parameter range: The range.
        public init(_ range: ClosedRange<Double>) {
            self.init(lower: range.lowerBound, upper: range.upperBound)
        }
    }

    /// Counts with the rate derived from them and its 95 % Wilson interval: `21/1450 = 1.45%`.
    public struct Figures: Sendable, Hashable, Codable {
        /// The number of defective items.
        public var defective: Int
        /// The number of items inspected.
        public var inspected: Int
        /// `defective / inspected` as a fraction; `nil` when nothing was inspected.
        public var rate: Double?
        /// The 95 % Wilson score interval of ``rate``; `nil` when nothing was inspected.
        public var interval: Interval?

        /// Derives the rate and its interval from counts.
        ///
        /// - Parameter counts: The counts.
        public init(_ counts: Proportion) {
            defective = counts.defective
            inspected = counts.inspected
            rate = counts.rate
            interval = counts.wilsonInterval().map(Interval.init)
        }

        /// The counts as a proportion, for figures built from a checked `Proportion` (decoded
        /// figures are not checked again, so this stays internal).
        var counts: Proportion { Proportion(unchecked: defective, inspected: inspected) }
    }
}
