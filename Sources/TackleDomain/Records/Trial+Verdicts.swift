extension Statistics {
    /// Judges a project's trials against its baseline together, each verdict from its Fisher p
    /// adjusted by Holm over the project's non-void trials (see ``compare(trials:baseline:alpha:)``).
    ///
    /// Voided trials count nowhere: they are neither judged nor part of the adjustment.
    ///
    /// - Parameters:
    ///   - trials: The project's trials so far, voided ones allowed.
    ///   - baseline: The project's baseline counts.
    ///   - alpha: The two-sided significance level of the family.
    /// - Returns: The comparison of each non-void trial, by trial number, without slab advice
    ///   (``Comparison/advised(by:)`` adds it to the one shown).
    public static func judge(_ trials: [Trial], baseline: Proportion, alpha: Double = 0.05) -> [Int: Comparison] {
        let counted = trials.filter { $0.voidedAt == nil }
        let comparisons = compare(trials: counted.map(\.outcome), baseline: baseline, alpha: alpha)
        return Dictionary(uniqueKeysWithValues: zip(counted.map(\.number), comparisons))
    }
}
