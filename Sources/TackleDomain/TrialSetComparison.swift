/// Two trials, or two sets of trials each pooled, judged against each other rather than against
/// the baseline: "did T3 do better than T4?", "T2 and T5 together against T3".
///
/// The difference is the first set's rate minus the second's (``RateDifference``): negative when
/// the first set had the lower rate. The verdict rests on Fisher's exact test, unadjusted: the
/// comparison stands on its own.
public struct TrialSetComparison: Sendable, Hashable, Codable {
    /// One side: the trials pooled and their counts with the rate and its 95 % Wilson interval.
    public struct Side: Sendable, Hashable, Codable, CustomStringConvertible {
        /// The numbers of the trials, in the order given (2 for T2).
        public var trials: [Int]
        /// The pooled counts, rate and interval.
        public var figures: MonthlyReport.Figures

        /// Creates a side from its trials.
        ///
        /// - Parameter trials: The trials, pooled.
        public init(_ trials: [Trial]) {
            self.trials = trials.map(\.number)
            self.figures = MonthlyReport.Figures(Proportion.pooled(trials.map(\.outcome)))
        }

        /// `T2+T5`, or `T3` for one trial.
        public var description: String { trials.map { "T\($0)" }.joined(separator: "+") }
    }

    /// The project.
    public var projectKey: String
    /// The first set (`--trials`).
    public var first: Side
    /// The second set (`--against`).
    public var second: Side
    /// The first set's rate minus the second's, tested.
    public var comparison: RateDifference

    /// Pools each set and judges the first against the second.
    ///
    /// - Parameters:
    ///   - projectKey: The project the trials belong to.
    ///   - first: The first set, at least one trial.
    ///   - second: The second set, at least one trial, none of them in the first.
    ///   - alpha: The two-sided significance level.
    /// - Throws: ``DomainError`` naming the field: `trials` or `against` for an empty set, a voided
    ///   trial or a trial given twice; `against` for a trial on both sides.
    public init(projectKey: String, first: [Trial], second: [Trial], alpha: Double = 0.05) throws(DomainError) {
        for (trials, field) in [(first, "trials"), (second, "against")] {
            guard !trials.isEmpty else {
                throw DomainError(.invalidValue, field: field, message: "give at least one trial, like T3 or T2,T5")
            }
            if let void = trials.first(where: { $0.voidedAt != nil }) {
                throw DomainError(
                    .invalidValue, field: field,
                    message: "\(void.label) of \(projectKey) is void (\(void.voidReason ?? "no reason recorded")); "
                        + "a voided trial counts nowhere")
            }
            var seen = Set<Int>()
            if let twice = trials.first(where: { !seen.insert($0.number).inserted }) {
                throw DomainError(.invalidValue, field: field, message: "\(twice.label) is given twice")
            }
        }
        let firstNumbers = Set(first.map(\.number))
        if let shared = second.first(where: { firstNumbers.contains($0.number) }) {
            throw DomainError(
                .invalidValue, field: "against",
                message: "\(shared.label) is on both sides; a trial can be compared only with other trials")
        }
        self.projectKey = projectKey
        self.first = Side(first)
        self.second = Side(second)
        self.comparison = Statistics.compare(
            self.first.figures.counts, with: self.second.figures.counts, alpha: alpha)
    }
}
