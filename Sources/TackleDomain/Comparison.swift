/// A trial (or several pooled trials of one condition) judged against the baseline.
///
/// The difference is `baseline - trial`, so a positive difference, a positive ``z`` and a
/// difference interval above 0 all mean the trial lowered the defect rate. Values that are
/// undefined for the counts given, such as any rate of `0/0`, are `nil`, never `NaN`.
///
/// Build one with ``Statistics/compare(trial:baseline:alpha:)``.
///
/// In JSON every interval is an object with its bounds by name, as in the monthly report
/// (``MonthlyReport/Interval``): `"trial_interval": {"lower": 0.0042, "upper": 0.02}`, never Swift's
/// bare two-element array for a `ClosedRange`.
public struct Comparison: Sendable, Hashable, Codable {
    /// The trial's counts.
    public var trial: Proportion
    /// The baseline's counts.
    public var baseline: Proportion
    /// The significance level the verdict was decided at.
    public var alpha: Double

    /// The trial's defect rate; `nil` when the trial inspected nothing.
    public var trialRate: Double?
    /// The 95 % Wilson score interval of the trial's rate.
    public var trialInterval: ClosedRange<Double>?
    /// The baseline's defect rate; `nil` when the baseline inspected nothing.
    public var baselineRate: Double?
    /// The 95 % Wilson score interval of the baseline's rate.
    public var baselineInterval: ClosedRange<Double>?

    /// Baseline rate minus trial rate: positive when the trial lowered the rate.
    public var difference: Double?
    /// The 95 % Newcombe hybrid score interval of ``difference``.
    public var differenceInterval: ClosedRange<Double>?

    /// The two-proportion z statistic, baseline against trial: positive when the trial
    /// lowered the rate. `nil` when undefined (nothing inspected, or no defect anywhere).
    public var z: Double?
    /// The two-sided p-value of ``z``.
    public var zPValue: Double?
    /// The two-sided p-value of Fisher's exact test, unadjusted.
    public var fisherPValue: Double
    /// ``fisherPValue`` adjusted by Holm over the comparisons made together (the project's
    /// trials so far, or the rows of a pooled comparison); the verdict rests on this one. Equal to
    /// ``fisherPValue`` when the comparison stands alone.
    public var adjustedPValue: Double
    /// How many comparisons the Holm adjustment ran over: 1 for a comparison on its own.
    public var comparisons: Int

    /// Better, worse, or no detectable change, decided on ``adjustedPValue`` < ``alpha``.
    public var verdict: Verdict
    /// Whether the interval of the difference tells the same story as the verdict.
    public var agreement: IntervalAgreement
    /// How many more slabs this trial would need to reach the size that shows a drop to the
    /// planned rate (the project's target) with power 0.8, from ``plan``; `nil` without a plan or
    /// when no trial size suffices. 0 when the trial already has that size and still showed nothing.
    ///
    /// Planned on the target, never on the rate the trial happened to show, for the Fisher test
    /// the verdict uses and the baseline's fixed counts (``Statistics/planTrial(baseline:plannedRate:power:alpha:)``).
    public var additionalSlabsNeeded: Int?
    /// The plan behind ``additionalSlabsNeeded``: set only for an inconclusive verdict when a
    /// planned rate below the baseline's was given.
    public var plan: TrialPlan?

    /// Creates a comparison from its parts; ``Statistics/compare(trial:baseline:alpha:)``
    /// computes them.
    ///
    /// - Parameters:
    ///   - trial: The trial's counts.
    ///   - baseline: The baseline's counts.
    ///   - alpha: The significance level.
    ///   - trialRate: The trial's rate.
    ///   - trialInterval: The interval of the trial's rate.
    ///   - baselineRate: The baseline's rate.
    ///   - baselineInterval: The interval of the baseline's rate.
    ///   - difference: Baseline rate minus trial rate.
    ///   - differenceInterval: The interval of the difference.
    ///   - z: The z statistic, positive when the trial is lower.
    ///   - zPValue: The two-sided p-value of `z`.
    ///   - fisherPValue: The two-sided p-value of Fisher's exact test.
    ///   - adjustedPValue: The Holm-adjusted p-value; `nil` for the raw one (a lone comparison).
    ///   - comparisons: How many comparisons the adjustment ran over.
    ///   - verdict: The verdict.
    ///   - additionalSlabsNeeded: The further slabs needed when inconclusive.
    ///   - plan: The trial plan behind them.
    public init(
        trial: Proportion,
        baseline: Proportion,
        alpha: Double,
        trialRate: Double?,
        trialInterval: ClosedRange<Double>?,
        baselineRate: Double?,
        baselineInterval: ClosedRange<Double>?,
        difference: Double?,
        differenceInterval: ClosedRange<Double>?,
        z: Double?,
        zPValue: Double?,
        fisherPValue: Double,
        adjustedPValue: Double? = nil,
        comparisons: Int = 1,
        verdict: Verdict,
        additionalSlabsNeeded: Int?,
        plan: TrialPlan? = nil
    ) {
        self.trial = trial
        self.baseline = baseline
        self.alpha = alpha
        self.trialRate = trialRate
        self.trialInterval = trialInterval
        self.baselineRate = baselineRate
        self.baselineInterval = baselineInterval
        self.difference = difference
        self.differenceInterval = differenceInterval
        self.z = z
        self.zPValue = zPValue
        self.fisherPValue = fisherPValue
        self.adjustedPValue = adjustedPValue ?? fisherPValue
        self.comparisons = comparisons
        self.verdict = verdict
        self.agreement = IntervalAgreement.of(verdict, interval: differenceInterval)
        self.additionalSlabsNeeded = additionalSlabsNeeded
        self.plan = plan
    }
}

extension Comparison {
    private enum CodingKeys: String, CodingKey {
        case trial, baseline, alpha, trialRate, trialInterval, baselineRate, baselineInterval, difference
        case differenceInterval, z, zPValue, fisherPValue, adjustedPValue, comparisons, verdict, agreement
        case additionalSlabsNeeded, plan
    }

    /// Decodes a comparison whose intervals are `{"lower": …, "upper": …}` objects.
    ///
    /// - Throws: `DecodingError` for a missing field, or an interval whose lower bound exceeds its upper.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func interval(_ key: CodingKeys) throws -> ClosedRange<Double>? {
            guard let interval = try container.decodeIfPresent(MonthlyReport.Interval.self, forKey: key) else {
                return nil
            }
            guard interval.lower <= interval.upper else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: container, debugDescription: "lower bound above upper bound")
            }
            return interval.lower...interval.upper
        }
        self.init(
            trial: try container.decode(Proportion.self, forKey: .trial),
            baseline: try container.decode(Proportion.self, forKey: .baseline),
            alpha: try container.decode(Double.self, forKey: .alpha),
            trialRate: try container.decodeIfPresent(Double.self, forKey: .trialRate),
            trialInterval: try interval(.trialInterval),
            baselineRate: try container.decodeIfPresent(Double.self, forKey: .baselineRate),
            baselineInterval: try interval(.baselineInterval),
            difference: try container.decodeIfPresent(Double.self, forKey: .difference),
            differenceInterval: try interval(.differenceInterval),
            z: try container.decodeIfPresent(Double.self, forKey: .z),
            zPValue: try container.decodeIfPresent(Double.self, forKey: .zPValue),
            fisherPValue: try container.decode(Double.self, forKey: .fisherPValue),
            adjustedPValue: try container.decodeIfPresent(Double.self, forKey: .adjustedPValue),
            comparisons: try container.decodeIfPresent(Int.self, forKey: .comparisons) ?? 1,
            verdict: try container.decode(Verdict.self, forKey: .verdict),
            additionalSlabsNeeded: try container.decodeIfPresent(Int.self, forKey: .additionalSlabsNeeded),
            plan: try container.decodeIfPresent(TrialPlan.self, forKey: .plan))
    }

    /// Encodes the comparison with every interval as a `{"lower": …, "upper": …}` object; absent values
    /// are left out, as for the other fields.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(trial, forKey: .trial)
        try container.encode(baseline, forKey: .baseline)
        try container.encode(alpha, forKey: .alpha)
        try container.encodeIfPresent(trialRate, forKey: .trialRate)
        try container.encodeIfPresent(trialInterval.map(MonthlyReport.Interval.init), forKey: .trialInterval)
        try container.encodeIfPresent(baselineRate, forKey: .baselineRate)
        try container.encodeIfPresent(baselineInterval.map(MonthlyReport.Interval.init), forKey: .baselineInterval)
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
        try container.encodeIfPresent(additionalSlabsNeeded, forKey: .additionalSlabsNeeded)
        try container.encodeIfPresent(plan, forKey: .plan)
    }
}
