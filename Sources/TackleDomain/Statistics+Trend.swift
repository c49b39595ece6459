extension Statistics {
    /// The Cochran-Armitage test for a trend in proportions across ordered groups (two-sided).
    ///
    /// "Does more soft reduction lower the crack rate?": each group is the trials pooled at one
    /// value of a parameter, scored by that value. With p̄ the pooled rate and N the slabs,
    /// T = Σ sᵢ (xᵢ − nᵢ p̄) and Var T = p̄ (1 − p̄) (Σ nᵢ sᵢ² − (Σ nᵢ sᵢ)² / N); z = T / √Var T,
    /// negative when the rate falls as the score rises. This is R's `prop.trend.test` (whose
    /// chi-squared is z²).
    ///
    /// - Parameter groups: Each group's score and counts.
    /// - Returns: z and its two-sided p-value; `nil` with fewer than two groups, or when there is
    ///   no variation to test (every slab defective or none, or all scores equal).
    public static func cochranArmitage(_ groups: [(score: Double, counts: Proportion)]) -> ZTestResult? {
        guard groups.count >= 2 else { return nil }
        let slabs = Double(groups.map(\.counts.inspected).reduce(0, +))
        let defective = Double(groups.map(\.counts.defective).reduce(0, +))
        guard slabs > 0 else { return nil }
        let pooled = defective / slabs
        var statistic = 0.0
        var weightedSquares = 0.0
        var weighted = 0.0
        for group in groups {
            let n = Double(group.counts.inspected)
            statistic += group.score * (Double(group.counts.defective) - n * pooled)
            weightedSquares += n * group.score * group.score
            weighted += n * group.score
        }
        let variance = pooled * (1 - pooled) * (weightedSquares - weighted * weighted / slabs)
        guard variance > 0 else { return nil }
        let z = statistic / variance.squareRoot()
        return ZTestResult(z: z, pValue: min(1, 2 * normalUpperTail(abs(z))))
    }
}
