/// What an edit of a project changes; `nil` leaves a field as it is.
///
/// A new baseline comes with its period (re-baselining); a new due date extends or shortens the
/// project. ``apply(to:)`` checks the edit against the project as it is.
public struct ProjectChanges: Sendable, Hashable {
    public var title: String?
    public var problem: String?
    public var unitCode: String?
    public var dueOn: LocalDate?
    public var targetRate: Double?
    public var baseline: Proportion?
    public var baselinePeriod: MonthRange?

    public init(
        title: String? = nil, problem: String? = nil, unitCode: String? = nil, dueOn: LocalDate? = nil,
        targetRate: Double? = nil, baseline: Proportion? = nil, baselinePeriod: MonthRange? = nil
    ) {
        self.title = title
        self.problem = problem
        self.unitCode = unitCode
        self.dueOn = dueOn
        self.targetRate = targetRate
        self.baseline = baseline
        self.baselinePeriod = baselinePeriod
    }

    /// The project with the changes applied, checked.
    ///
    /// - Throws: ``DomainError``: a baseline without its period (or the reverse), a blank title, a
    ///   due date before the opening, a target not below the baseline, or an edit that changes
    ///   nothing (`nothing to change`).
    public func apply(to project: Project) throws(DomainError) -> Project {
        guard (baseline == nil) == (baselinePeriod == nil) else {
            throw DomainError(
                .invalidValue, field: baseline == nil ? "baseline" : "baseline-period",
                message: "a new baseline needs its counts and its period together")
        }
        if let title { try Keys.checkNotBlank(title, field: "title") }
        var edited = project
        edited.title = title ?? project.title
        edited.problem = problem ?? project.problem
        edited.unitCode = unitCode ?? project.unitCode
        edited.dueOn = dueOn ?? project.dueOn
        guard edited.dueOn >= project.openedOn else {
            throw DomainError(
                .invalidValue, field: "due",
                message: "\(edited.dueOn) is before the project opened (\(project.openedOn))")
        }
        edited.metric = try DefectMetric(
            name: project.metric.name, baseline: baseline ?? project.metric.baseline,
            baselinePeriod: baselinePeriod ?? project.metric.baselinePeriod,
            targetRate: targetRate ?? project.metric.targetRate)
        guard edited != project else {
            throw DomainError(
                .invalidValue, field: "project", message: "nothing to change: \(project.key) already has these values")
        }
        return edited
    }
}
