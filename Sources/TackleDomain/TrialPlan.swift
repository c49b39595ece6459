/// How many slabs a trial needs to show a drop from a measured baseline to a planned rate.
///
/// The baseline is already measured and does not grow, so a plan keeps its slabs and asks how
/// many trial slabs give Fisher's exact test (the test the verdict uses) the wanted power.
/// Sometimes no trial is enough, because the baseline itself is too uncertain: the plan then
/// says how close a trial can get and how many slabs a baseline and a trial of as many would
/// need. Build one with ``Statistics/planTrial(baseline:plannedRate:power:alpha:)``.
///
/// In JSON the outcome is flat, with `reachable` saying which fields follow:
///
/// ```json
/// {"alpha": 0.05, "baseline": {"defective": 48, "inspected": 1500}, "baseline_rate": 0.032,
///  "planned_rate": 0.01, "power_target": 0.8, "reachable": true, "trial_slabs": 470, "power": 0.8039}
/// {"...": "...", "planned_rate": 0.0208, "reachable": false, "maximum_power": 0.7894,
///  "equal_arm_slabs": 3379, "equal_arm_power": 0.8000}
/// ```
public struct TrialPlan: Sendable, Hashable, Codable {
    /// What the plan found.
    public enum Outcome: Sendable, Hashable {
        /// A trial of `slabs` slabs gives the target power; `power` is its power, at least the target.
        case trial(slabs: Int, power: Double)
        /// No trial size gives the target power against this baseline.
        ///
        /// `maximumPower` is the highest power among the trial sizes the search tried (1, 2, 4, ...
        /// up to ``Statistics/maximumPlannedSlabs`` slabs); a very large trial's power settles
        /// close to it. `equalArmSlabs` is how many slabs a planned baseline (at the measured rate)
        /// and a trial of as many would each need for the target power, `equalArmPower` their
        /// power; both are `nil` when even ``Statistics/maximumPlannedSlabs`` a side would not do.
        case unreachable(maximumPower: Double, equalArmSlabs: Int?, equalArmPower: Double?)
    }

    /// The measured baseline the trial is compared with.
    public var baseline: Proportion
    /// The rate the trial is planned to reach, below the baseline's.
    public var plannedRate: Double
    /// The two-sided significance level of the test.
    public var alpha: Double
    /// The power wanted, such as 0.8.
    public var powerTarget: Double
    /// The trial size, or why there is none.
    public var outcome: Outcome

    /// Creates a plan from its parts; ``Statistics/planTrial(baseline:plannedRate:power:alpha:)``
    /// computes them.
    ///
    /// - Parameters:
    ///   - baseline: The measured baseline.
    ///   - plannedRate: The rate the trial is planned to reach.
    ///   - alpha: The two-sided significance level.
    ///   - powerTarget: The power wanted.
    ///   - outcome: The trial size, or why there is none.
    public init(baseline: Proportion, plannedRate: Double, alpha: Double, powerTarget: Double, outcome: Outcome) {
        self.baseline = baseline
        self.plannedRate = plannedRate
        self.alpha = alpha
        self.powerTarget = powerTarget
        self.outcome = outcome
    }

    /// The most slabs a trial is advised to grow by before the advice says "impractical": 10,000
    /// slabs is more than a year of one project's casting at the plant's scale (500-700 a month).
    public static let practicalSlabs = 10_000

    /// The baseline's rate, which the plan takes as its true rate.
    public var baselineRate: Double { baseline.rate ?? 0 }

    /// The trial slabs needed, or `nil` when no trial size is enough.
    public var trialSlabs: Int? {
        guard case .trial(let slabs, _) = outcome else { return nil }
        return slabs
    }

    private enum CodingKeys: String, CodingKey {
        case baseline, baselineRate, plannedRate, alpha, powerTarget, reachable
        case trialSlabs, power, maximumPower, equalArmSlabs, equalArmPower
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(baseline, forKey: .baseline)
        try container.encode(baselineRate, forKey: .baselineRate)
        try container.encode(plannedRate, forKey: .plannedRate)
        try container.encode(alpha, forKey: .alpha)
        try container.encode(powerTarget, forKey: .powerTarget)
        switch outcome {
        case .trial(let slabs, let power):
            try container.encode(true, forKey: .reachable)
            try container.encode(slabs, forKey: .trialSlabs)
            try container.encode(power, forKey: .power)
        case .unreachable(let maximumPower, let equalArmSlabs, let equalArmPower):
            try container.encode(false, forKey: .reachable)
            try container.encode(maximumPower, forKey: .maximumPower)
            // Explicit nulls: a script reads the same keys whether or not equal arms would do.
            try container.encode(equalArmSlabs, forKey: .equalArmSlabs)
            try container.encode(equalArmPower, forKey: .equalArmPower)
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        baseline = try container.decode(Proportion.self, forKey: .baseline)
        plannedRate = try container.decode(Double.self, forKey: .plannedRate)
        alpha = try container.decode(Double.self, forKey: .alpha)
        powerTarget = try container.decode(Double.self, forKey: .powerTarget)
        if try container.decode(Bool.self, forKey: .reachable) {
            outcome = .trial(
                slabs: try container.decode(Int.self, forKey: .trialSlabs),
                power: try container.decode(Double.self, forKey: .power))
        } else {
            outcome = .unreachable(
                maximumPower: try container.decode(Double.self, forKey: .maximumPower),
                equalArmSlabs: try container.decodeIfPresent(Int.self, forKey: .equalArmSlabs),
                equalArmPower: try container.decodeIfPresent(Double.self, forKey: .equalArmPower))
        }
    }
}
