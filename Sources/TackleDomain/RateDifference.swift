/// Two groups of slabs judged against each other, neither of them the baseline: two pooled
/// settings of a parameter, or two sets of trials.
///
/// The difference is `first - second`, so a negative difference, a negative ``z`` and an interval
/// below 0 all mean the first group had the lower defect rate. (A ``Comparison`` with the
/// baseline runs the other way, baseline minus trial, because there the question is how much a
/// trial lowered the rate.) Values that are undefined for the counts given are `nil`, never `NaN`.
///
/// Build one with ``Statistics/compare(_:with:alpha:)``, or several adjusted together with
/// ``Statistics/compare(pairs:alpha:)``. In JSON the interval is an object with its bounds by
/// name: `"difference_interval": {"lower": -0.029, "upper": -0.004}`.
public struct RateDifference: Sendable, Hashable, Codable {
    /// What the test says about the first group's rate against the second's.
    public enum Verdict: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
        /// The first group's rate is lower, and the (adjusted) exact test reaches α.
        case lower
        /// The data cannot tell the two rates apart.
        case noDetectableDifference = "no-detectable-difference"
        /// The first group's rate is higher, and the (adjusted) exact test reaches α.
        case higher

        /// Words for a report: `lower`, `no detectable difference`, `higher`.
        public var description: String {
            switch self {
            case .lower: "lower"
            case .noDetectableDifference: "no detectable difference"
            case .higher: "higher"
            }
        }
    }

    /// The first group's counts.
    public var first: Proportion
    /// The second group's counts.
    public var second: Proportion
    /// The significance level the verdict was decided at.
    public var alpha: Double
    /// The first group's rate minus the second's: negative when the first is lower.
    public var difference: Double?
    /// The 95 % Newcombe hybrid score interval of ``difference``.
    public var differenceInterval: ClosedRange<Double>?
    /// The two-proportion z statistic, positive when the first group's rate is higher; shown for
    /// reference only.
    public var z: Double?
    /// The two-sided p-value of ``z``.
    public var zPValue: Double?
    /// The two-sided p-value of Fisher's exact test, unadjusted.
    public var fisherPValue: Double
    /// ``fisherPValue`` adjusted by Holm over the comparisons made together (all pairs of a
    /// pooled comparison); equal to ``fisherPValue`` for a comparison on its own. The verdict rests
    /// on this one.
    public var adjustedPValue: Double
    /// How many comparisons the Holm adjustment ran over: 1 for a comparison on its own.
    public var comparisons: Int
    /// Lower, higher, or no detectable difference, decided on ``adjustedPValue`` < ``alpha``.
    public var verdict: Verdict
    /// Whether the interval of the difference tells the same story as the verdict.
    public var agreement: IntervalAgreement

    /// Creates a difference from its parts and derives the verdict and the agreement;
    /// ``Statistics/compare(_:with:alpha:)`` computes the parts.
    ///
    /// - Parameters:
    ///   - first: The first group's counts.
    ///   - second: The second group's counts.
    ///   - alpha: The significance level.
    ///   - difference: The first group's rate minus the second's.
    ///   - differenceInterval: The interval of the difference.
    ///   - z: The z statistic, positive when the first group is higher.
    ///   - zPValue: The two-sided p-value of `z`.
    ///   - fisherPValue: The two-sided p-value of Fisher's exact test.
    ///   - adjustedPValue: The Holm-adjusted p-value; `nil` for the raw one (a lone comparison).
    ///   - comparisons: How many comparisons the adjustment ran over.
    public init(
        first: Proportion,
        second: Proportion,
        alpha: Double,
        difference: Double?,
        differenceInterval: ClosedRange<Double>?,
        z: Double?,
        zPValue: Double?,
        fisherPValue: Double,
        adjustedPValue: Double? = nil,
        comparisons: Int = 1
    ) {
        self.first = first
        self.second = second
        self.alpha = alpha
        self.difference = difference
        self.differenceInterval = differenceInterval
        self.z = z
        self.zPValue = zPValue
        self.fisherPValue = fisherPValue
        self.adjustedPValue = adjustedPValue ?? fisherPValue
        self.comparisons = comparisons
        self.verdict = Self.verdict(difference: difference, pValue: adjustedPValue ?? fisherPValue, alpha: alpha)
        // The agreement only asks whether a difference was shown at all, whichever way it points.
        self.agreement = IntervalAgreement.of(
            verdict == .noDetectableDifference ? .noDetectableChange : .better, interval: differenceInterval)
    }

    /// The same comparison with its verdict taken from a p-value adjusted over `count` comparisons.
    ///
    /// - Parameters:
    ///   - pValue: The adjusted p-value.
    ///   - count: How many comparisons the adjustment ran over.
    /// - Returns: The comparison with ``adjustedPValue``, ``comparisons``, ``verdict`` and ``agreement`` set.
    public func adjusted(to pValue: Double, over count: Int) -> RateDifference {
        RateDifference(
            first: first, second: second, alpha: alpha, difference: difference, differenceInterval: differenceInterval,
            z: z, zPValue: zPValue, fisherPValue: fisherPValue, adjustedPValue: pValue, comparisons: count)
    }

    /// Lower or higher when the p-value is below α, in the direction of the difference.
    static func verdict(difference: Double?, pValue: Double, alpha: Double) -> Verdict {
        guard let difference, difference != 0, pValue < alpha else { return .noDetectableDifference }
        return difference < 0 ? .lower : .higher
    }
}

extension RateDifference {
    private enum CodingKeys: String, CodingKey {
        case first, second, alpha, difference, differenceInterval, z, zPValue, fisherPValue, adjustedPValue
        case comparisons, verdict, agreement
    }

    /// Decodes a difference whose interval is a `{"lower": …, "upper": …}` object; the verdict and
    /// the agreement are derived again from the p-value, so a document cannot contradict itself.
    ///
    /// - Throws: `DecodingError` for a missing field, or an interval whose lower bound exceeds its upper.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        var interval: ClosedRange<Double>?
        if let bounds = try container.decodeIfPresent(MonthlyReport.Interval.self, forKey: .differenceInterval) {
            guard bounds.lower <= bounds.upper else {
                throw DecodingError.dataCorruptedError(
                    forKey: .differenceInterval, in: container, debugDescription: "lower bound above upper bound")
            }
            interval = bounds.lower...bounds.upper
        }
        self.init(
            first: try container.decode(Proportion.self, forKey: .first),
            second: try container.decode(Proportion.self, forKey: .second),
            alpha: try container.decode(Double.self, forKey: .alpha),
            difference: try container.decodeIfPresent(Double.self, forKey: .difference),
            differenceInterval: interval,
            z: try container.decodeIfPresent(Double.self, forKey: .z),
            zPValue: try container.decodeIfPresent(Double.self, forKey: .zPValue),
            fisherPValue: try container.decode(Double.self, forKey: .fisherPValue),
            adjustedPValue: try container.decodeIfPresent(Double.self, forKey: .adjustedPValue),
            comparisons: try container.decodeIfPresent(Int.self, forKey: .comparisons) ?? 1)
    }

    /// Encodes the difference with its interval as a `{"lower": …, "upper": …}` object; absent
    /// values are left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(first, forKey: .first)
        try container.encode(second, forKey: .second)
        try container.encode(alpha, forKey: .alpha)
        try container.encodeIfPresent(difference, forKey: .difference)
        try container.encodeIfPresent(
            differenceInterval.map(MonthlyReport.Interval.init), forKey: .differenceInterval)
        try container.encodeIfPresent(z, forKey: .z)
        try container.encodeIfPresent(zPValue, forKey: .zPValue)
        try container.encode(fisherPValue, forKey: .fisherPValue)
        try container.encode(adjustedPValue, forKey: .adjustedPValue)
        try container.encode(comparisons, forKey: .comparisons)
        try container.encode(verdict, forKey: .verdict)
        try container.encode(agreement, forKey: .agreement)
    }
}
