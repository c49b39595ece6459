extension Statistics {
    /// Judges a trial against the baseline: rates with intervals, the difference with its
    /// interval, both tests, a verdict, and how many more slabs an inconclusive trial needs.
    ///
    /// The verdict rests on Fisher's exact test, because trials are short and defects rare,
    /// where the z-test's normal approximation is least trustworthy: the trial is
    /// ``Verdict/better`` or ``Verdict/worse`` when Fisher's two-sided p-value is below
    /// `alpha`, in the direction of the rates, and ``Verdict/noDetectableChange`` otherwise.
    /// Empty counts (`0/0`) never produce a verdict other than ``Verdict/noDetectableChange``.
    ///
    /// - Parameters:
    ///   - trial: The trial's counts, or several trials of one condition pooled with
    ///     ``Proportion/pooled(_:)``.
    ///   - baseline: The baseline's counts.
    ///   - alpha: The two-sided significance level, such as 0.05. Intervals are always 95 %.
    /// - Returns: The comparison.
    public static func compare(trial: Proportion, baseline: Proportion, alpha: Double = 0.05) -> Comparison {
        let trialRate = trial.rate
        let baselineRate = baseline.rate
        var difference: Double?
        if let trialRate, let baselineRate {
            difference = baselineRate - trialRate
        }
        let zTest = twoProportionZTest(baseline, trial)
        let fisherPValue = fisherExactTwoSided(baseline, trial)

        let verdict = Comparison.verdict(difference: difference, pValue: fisherPValue, alpha: alpha)

        var additionalSlabsNeeded: Int?
        if verdict == .noDetectableChange, let trialRate, let baselineRate, trialRate < baselineRate,
            let perArm = sampleSizePerArm(baselineRate: baselineRate, expectedRate: trialRate, alpha: alpha)
        {
            additionalSlabsNeeded = max(0, perArm - trial.inspected)
        }

        return Comparison(
            trial: trial,
            baseline: baseline,
            alpha: alpha,
            trialRate: trialRate,
            trialInterval: trial.wilsonInterval(),
            baselineRate: baselineRate,
            baselineInterval: baseline.wilsonInterval(),
            difference: difference,
            differenceInterval: newcombeDifference(baseline, trial),
            z: zTest?.z,
            zPValue: zTest?.pValue,
            fisherPValue: fisherPValue,
            verdict: verdict,
            additionalSlabsNeeded: additionalSlabsNeeded
        )
    }

    /// Judges several trials against one baseline together, as a project tests T1, T2, ... all
    /// against the same baseline: each verdict rests on its Fisher p-value adjusted by Holm over
    /// all of them, so that luck across many trials does not make a false "better".
    ///
    /// - Parameters:
    ///   - trials: The trials' counts (or pooled groups), in any order.
    ///   - baseline: The baseline's counts.
    ///   - alpha: The two-sided significance level of the family.
    /// - Returns: One comparison per trial, in the order given.
    public static func compare(
        trials: [Proportion], baseline: Proportion, alpha: Double = 0.05
    ) -> [Comparison] {
        let single = trials.map { compare(trial: $0, baseline: baseline, alpha: alpha) }
        let adjusted = holmAdjusted(single.map(\.fisherPValue))
        return zip(single, adjusted).map { $0.adjusted(to: $1, over: single.count) }
    }
}

extension Comparison {
    /// The comparison with its verdict taken from a p-value adjusted over `count` comparisons.
    ///
    /// - Parameters:
    ///   - pValue: The adjusted p-value.
    ///   - count: How many comparisons the adjustment ran over.
    /// - Returns: The comparison with ``adjustedPValue``, ``comparisons``, ``verdict`` and ``agreement`` set.
    public func adjusted(to pValue: Double, over count: Int) -> Comparison {
        var result = self
        result.adjustedPValue = pValue
        result.comparisons = count
        result.verdict = Self.verdict(difference: difference, pValue: pValue, alpha: alpha)
        result.agreement = IntervalAgreement.of(result.verdict, interval: differenceInterval)
        return result
    }

    /// Better or worse when the p-value is below α, in the direction of the difference.
    static func verdict(difference: Double?, pValue: Double, alpha: Double) -> Verdict {
        guard let difference, difference != 0, pValue < alpha else { return .noDetectableChange }
        return difference > 0 ? .better : .worse
    }
}
