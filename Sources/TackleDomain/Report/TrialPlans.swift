import Synchronization

/// The trial plans behind a monthly report's slab advice, by their inputs, made once each.
///
/// A plan is exact and costs a few milliseconds (thousands of Fisher tests); projects that share a
/// baseline and a target (a plant's sister casters, or the benchmark's thousand projects) share
/// one, and the distinct ones are made on every core at once. They can be made ahead, while the
/// rest of the month is still being read (``prepare(for:)``), and handed to
/// ``MonthlyReport/init(facts:plans:)``: the report is the same as without them.
public final class TrialPlans: Sendable {
    /// What a plan depends on.
    struct Key: Hashable, Sendable {
        var defective: Int
        var inspected: Int
        var rate: Double
        var alpha: Double

        init(baseline: Proportion, rate: Double, alpha: Double) {
            defective = baseline.defective
            inspected = baseline.inspected
            self.rate = rate
            self.alpha = alpha
        }
    }

    private let made = Mutex<[Key: TrialPlan?]>([:])

    /// What judging a project's trials depends on: the month's outcomes, the earlier ones, the
    /// baseline (see ``MonthlyReport/ProjectEntry/judgedTrials(of:)``).
    struct Judging: Hashable, Sendable {
        var outcomes: [Proportion]
        var earlier: [Proportion]
        var baseline: Proportion

        init(_ facts: ProjectFacts) {
            outcomes = facts.trials.sorted { $0.number < $1.number }.map(\.outcome)
            earlier = facts.earlierTrialOutcomes
            baseline = facts.baseline
        }
    }

    /// The trials judged by ``prepare(for:)``, by project key, with what they were judged on.
    private let judged = Mutex<[String: (judging: Judging, comparisons: [Comparison])]>([:])

    /// No plans yet.
    public init() {}

    /// Makes the plans that the month's trials of `projects` call for: the plan of each project
    /// with a trial in the month whose verdict is inconclusive.
    ///
    /// - Parameter projects: The month's projects, with their trials and earlier outcomes.
    public func prepare(for projects: [ProjectFacts]) {
        let judged = projects.concurrentMap { MonthlyReport.ProjectEntry.judgedTrials(of: $0) }
        self.judged.withLock { known in
            for (project, comparisons) in zip(projects, judged) {
                known[project.key] = (Judging(project), comparisons)
            }
        }
        make(zip(projects, judged).compactMap { MonthlyReport.ProjectEntry.planInputs(of: $0, judged: $1) })
    }

    /// The project's trials judged: as ``prepare(for:)`` judged them when it judged the same
    /// trials against the same baseline, else judged now. Each trial's Fisher test is most of a
    /// plant's monthly report; this way it runs once.
    func judgedTrials(of project: ProjectFacts) -> [Comparison] {
        if let known = judged.withLock({ $0[project.key] }), known.judging == Judging(project) {
            return known.comparisons
        }
        return MonthlyReport.ProjectEntry.judgedTrials(of: project)
    }

    /// Makes the plans for `keys` not made yet, each distinct one once.
    func make(_ keys: [Key]) {
        let missing = made.withLock { made in Array(Set(keys).filter { made[$0] == nil }) }
        guard !missing.isEmpty else { return }
        let plans = missing.concurrentMap(Self.plan)
        made.withLock { made in
            for (key, plan) in zip(missing, plans) { made[key] = plan }
        }
    }

    /// The plan for `key`: one made beforehand, else made now.
    func plan(_ key: Key) -> TrialPlan? {
        if let plan = made.withLock({ $0[key] }) { return plan }
        let plan = Self.plan(key)
        made.withLock { $0[key] = plan }
        return plan
    }

    @Sendable private static func plan(_ key: Key) -> TrialPlan? {
        Statistics.plan(
            baseline: Proportion(unchecked: key.defective, inspected: key.inspected), rate: key.rate, alpha: key.alpha)
    }
}
