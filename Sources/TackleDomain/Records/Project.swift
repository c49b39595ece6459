/// A tackling project (攻关项目) and its defect metric.
public struct Project: Sendable, Hashable, Codable {
    /// The short key users type: `SLAB-CRACK-2026`.
    public var key: String
    public var title: String
    /// The problem statement.
    public var problem: String
    /// The sponsoring unit's code.
    public var unitCode: String
    /// The leader's employee number and name.
    public var leaderNo: String
    public var leaderName: String
    public var leaderSelection: LeaderSelection
    public var status: ProjectStatus
    public var openedOn: LocalDate
    public var dueOn: LocalDate
    public var closedOn: LocalDate?
    /// The defect metric, lower is better: its name, the baseline as counts over a period, the target rate.
    public var metric: DefectMetric
    /// Increases with every change; a correction can require the version it was based on.
    public var version: Int

    public init(
        key: String, title: String, problem: String, unitCode: String, leaderNo: String, leaderName: String,
        leaderSelection: LeaderSelection, status: ProjectStatus, openedOn: LocalDate, dueOn: LocalDate,
        closedOn: LocalDate?, metric: DefectMetric, version: Int
    ) {
        self.key = key
        self.title = title
        self.problem = problem
        self.unitCode = unitCode
        self.leaderNo = leaderNo
        self.leaderName = leaderName
        self.leaderSelection = leaderSelection
        self.status = status
        self.openedOn = openedOn
        self.dueOn = dueOn
        self.closedOn = closedOn
        self.metric = metric
        self.version = version
    }
}

/// A project's defect metric: lower is better.
public struct DefectMetric: Sendable, Hashable, Codable {
    /// What is counted: `longitudinal crack rate`.
    public var name: String
    /// The baseline as counts: 48 defective of 1500 inspected.
    public var baseline: Proportion
    /// The months the baseline was measured over.
    public var baselinePeriod: MonthRange
    /// The target rate, a fraction below the baseline rate.
    public var targetRate: Double

    /// Checks that the target is below the baseline rate.
    ///
    /// - Throws: ``DomainError`` naming `--target` when it is not.
    public init(name: String, baseline: Proportion, baselinePeriod: MonthRange, targetRate: Double) throws(DomainError)
    {
        try Keys.checkNotBlank(name, field: "metric")
        guard baseline.inspected > 0 else {
            throw DomainError(
                .invalidValue, field: "baseline", message: "the baseline must count at least one inspected item")
        }
        let baselineRate = baseline.rate ?? 0
        guard targetRate < baselineRate else {
            throw DomainError(
                .invalidValue, field: "target",
                message: "the target rate (\(Format.percent(targetRate))) must be below the baseline rate "
                    + "(\(Format.percent(baselineRate)) = \(baseline))")
        }
        self.name = name
        self.baseline = baseline
        self.baselinePeriod = baselinePeriod
        self.targetRate = targetRate
    }
}
