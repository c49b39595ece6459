extension Statistics {
    /// Judges two groups of slabs against each other: the difference of their rates with its
    /// Newcombe interval, Fisher's exact test (two-sided) for the verdict, and the z-test for
    /// reference.
    ///
    /// - Parameters:
    ///   - first: The first group's counts, such as trials T2 and T5 pooled.
    ///   - second: The second group's counts, subtracted from the first.
    ///   - alpha: The two-sided significance level, such as 0.05. Intervals are always 95 %.
    /// - Returns: The difference, `first - second`, judged on its own (no adjustment).
    public static func compare(_ first: Proportion, with second: Proportion, alpha: Double = 0.05) -> RateDifference {
        var difference: Double?
        if let firstRate = first.rate, let secondRate = second.rate {
            difference = firstRate - secondRate
        }
        let zTest = twoProportionZTest(first, second)
        return RateDifference(
            first: first, second: second, alpha: alpha, difference: difference,
            differenceInterval: newcombeDifference(first, second), z: zTest?.z, zPValue: zTest?.pValue,
            fisherPValue: fisherExactTwoSided(first, second))
    }

    /// Judges several pairs of groups together, as the settings of a parameter are compared with
    /// each other: each verdict rests on its Fisher p-value adjusted by Holm over all the pairs.
    ///
    /// - Parameters:
    ///   - pairs: The pairs, each `(first, second)`.
    ///   - alpha: The two-sided significance level of the family.
    /// - Returns: One difference per pair, `first - second`, in the order given.
    public static func compare(
        pairs: [(first: Proportion, second: Proportion)], alpha: Double = 0.05
    ) -> [RateDifference] {
        let single = pairs.map { compare($0.first, with: $0.second, alpha: alpha) }
        let adjusted = holmAdjusted(single.map(\.fisherPValue))
        return zip(single, adjusted).map { $0.adjusted(to: $1, over: single.count) }
    }
}
