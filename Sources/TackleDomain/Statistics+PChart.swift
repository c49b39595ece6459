extension Statistics {
    /// Builds a p-chart of samples with variable sizes.
    ///
    /// The centre line is p̄ = total defective / total inspected; each sample of size n gets
    /// the limits p̄ ± 3·sqrt(p̄(1-p̄)/n), clamped to `0...1`. Samples that inspected nothing
    /// stay on the chart, in order, without a rate or limits.
    ///
    /// - Parameter samples: The samples, such as one per month, in chart order.
    /// - Returns: The chart, or `nil` when there are no samples or none inspected anything.
    public static func pChart(_ samples: [Proportion]) -> PChart? {
        let total = Proportion.pooled(samples)
        guard let centre = total.rate else { return nil }
        let points = samples.map { sample in
            guard let rate = sample.rate, let limits = pChartLimits(centre: centre, inspected: sample.inspected) else {
                return PChart.Point(
                    sample: sample,
                    rate: nil,
                    centre: centre,
                    lower: nil,
                    upper: nil,
                    isOutsideLimits: false
                )
            }
            let lower = limits.lowerBound
            let upper = limits.upperBound
            return PChart.Point(
                sample: sample,
                rate: rate,
                centre: centre,
                lower: lower,
                upper: upper,
                isOutsideLimits: rate < lower || rate > upper
            )
        }
        return PChart(centre: centre, total: total, points: points)
    }
}
