/// What it takes to open a tackling project, checked before anything is written.
public struct NewProject: Sendable, Hashable {
    public var key: String
    public var title: String
    public var problem: String
    public var unitCode: String
    public var leaderNo: String
    public var leaderSelection: LeaderSelection
    /// `active` (the default) or `proposed`.
    public var status: ProjectStatus
    public var openedOn: LocalDate
    public var dueOn: LocalDate
    public var metric: DefectMetric

    /// Checks the key, the title, the dates and the opening status.
    ///
    /// - Throws: ``DomainError`` naming the field and the rule.
    public init(
        key: String, title: String, problem: String, unitCode: String, leaderNo: String,
        leaderSelection: LeaderSelection, status: ProjectStatus = .active, openedOn: LocalDate, dueOn: LocalDate,
        metric: DefectMetric
    ) throws(DomainError) {
        try Keys.checkProjectKey(key)
        try Keys.checkNotBlank(title, field: "title")
        guard dueOn >= openedOn else {
            throw DomainError(
                .invalidValue, field: "due",
                message: "the due date (\(dueOn)) must not be before the opening date (\(openedOn))")
        }
        guard status == .active || status == .proposed else {
            throw DomainError(
                .invalidValue, field: "initial-status", message: "a new project is active or proposed, not \(status)")
        }
        self.key = key
        self.title = title
        self.problem = problem
        self.unitCode = unitCode
        self.leaderNo = leaderNo
        self.leaderSelection = leaderSelection
        self.status = status
        self.openedOn = openedOn
        self.dueOn = dueOn
        self.metric = metric
    }
}
