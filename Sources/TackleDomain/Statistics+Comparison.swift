extension Statistics {
    /// Judges a trial against the baseline: rates with intervals, the difference with its
    /// interval, both tests, a verdict, and, given a planned rate, how many more slabs an
    /// inconclusive trial needs.
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
    ///   - plannedRate: The rate to plan further slabs on (the project's target); `nil` for no advice.
    /// - Returns: The comparison.
    public static func compare(
        trial: Proportion, baseline: Proportion, alpha: Double = 0.05, plannedRate: Double? = nil
    ) -> Comparison {
        let trialRate = trial.rate
        let baselineRate = baseline.rate
        var difference: Double?
        if let trialRate, let baselineRate {
            difference = baselineRate - trialRate
        }
        let zTest = twoProportionZTest(baseline, trial)
        let fisherPValue = fisherExactTwoSided(baseline, trial)

        let verdict = Comparison.verdict(difference: difference, pValue: fisherPValue, alpha: alpha)

        let comparison = Comparison(
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
            additionalSlabsNeeded: nil
        )
        return comparison.advised(by: plannedRate.flatMap { plan(baseline: baseline, rate: $0, alpha: alpha) })
    }

    /// The plan for a drop to `rate`, or `nil` when none can be made (the rate is not below the baseline's).
    static func plan(baseline: Proportion, rate: Double, alpha: Double) -> TrialPlan? {
        try? planTrial(baseline: baseline, plannedRate: rate, alpha: alpha)
    }

    /// Judges several trials against one baseline together, as a project tests T1, T2, ... all
    /// against the same baseline: each verdict rests on its Fisher p-value adjusted by Holm over
    /// all of them, so that luck across many trials does not make a false "better".
    ///
    /// - Parameters:
    ///   - trials: The trials' counts (or pooled groups), in any order.
    ///   - baseline: The baseline's counts.
    ///   - alpha: The two-sided significance level of the family.
    ///   - plannedRate: The rate to plan further slabs on (the project's target); `nil` for no advice.
    ///     One plan serves every trial: it depends on the baseline and the planned rate only.
    /// - Returns: One comparison per trial, in the order given.
    public static func compare(
        trials: [Proportion], baseline: Proportion, alpha: Double = 0.05, plannedRate: Double? = nil
    ) -> [Comparison] {
        let judged = compare(trials.count, of: trials, baseline: baseline, alpha: alpha)
        guard let plannedRate, judged.contains(where: { $0.verdict == .noDetectableChange }),
            let plan = plan(baseline: baseline, rate: plannedRate, alpha: alpha)
        else { return judged }
        return judged.map { $0.advised(by: plan) }
    }

    /// Judges the last `count` of `trials` as ``compare(trials:baseline:alpha:plannedRate:)``
    /// does, with Holm over all of `trials`: the earlier ones only give their Fisher p-values to
    /// the family, without intervals or tests of their own (a monthly report judges a month's
    /// trials against a project's 90 earlier ones).
    ///
    /// - Returns: The comparisons of the last `count` trials, in the order given, without advice.
    static func compare(_ count: Int, of trials: [Proportion], baseline: Proportion, alpha: Double) -> [Comparison] {
        let judged = trials.suffix(count).map { compare(trial: $0, baseline: baseline, alpha: alpha) }
        let earlier = trials.dropLast(count).map { fisherExactTwoSided(baseline, $0) }
        let adjusted = holmAdjusted(earlier + judged.map(\.fisherPValue)).suffix(judged.count)
        return zip(judged, adjusted).map { $0.adjusted(to: $1, over: trials.count) }
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

    /// The comparison with slab advice from `plan` when its verdict is inconclusive; without, otherwise.
    ///
    /// - Parameter plan: The plan for a drop to the planned rate, or `nil` for no advice.
    /// - Returns: The comparison with ``plan`` and ``additionalSlabsNeeded`` set or cleared.
    public func advised(by plan: TrialPlan?) -> Comparison {
        var result = self
        guard verdict == .noDetectableChange, let plan else {
            result.plan = nil
            result.additionalSlabsNeeded = nil
            return result
        }
        result.plan = plan
        result.additionalSlabsNeeded = plan.trialSlabs.map { max(0, $0 - trial.inspected) }
        return result
    }

    /// Better or worse when the p-value is below α, in the direction of the difference.
    static func verdict(difference: Double?, pValue: Double, alpha: Double) -> Verdict {
        guard let difference, difference != 0, pValue < alpha else { return .noDetectableChange }
        return difference > 0 ? .better : .worse
    }
}
