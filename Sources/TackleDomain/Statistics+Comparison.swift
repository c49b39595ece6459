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

        var verdict = Verdict.noDetectableChange
        if let difference, difference != 0, fisherPValue < alpha {
            verdict = difference > 0 ? .better : .worse
        }

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
}
