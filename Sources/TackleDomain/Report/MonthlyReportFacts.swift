/// Everything the monthly report needs, dated up to the end of the month (the store filters by date).
///
/// The store gathers these facts with a few set-based queries over all projects; the domain turns
/// them into a ``MonthlyReport`` with ``MonthlyReport/init(facts:)``, with no further reads.
public struct MonthlyReportFacts: Sendable, Hashable, Codable {
    /// The month reported on.
    public var month: Month
    /// The last day whose data counts: the month's last day, or today while the month runs.
    public var asOf: LocalDate
    /// The projects to report on, one each; their order does not matter.
    public var projects: [ProjectFacts]
    /// The rubric in effect for the month.
    public var rubric: Rubric
    /// The previous month's facts, for the follow-up of the projects called in then; empty when
    /// not gathered.
    public var previousProjects: [ProjectFacts]
    /// The rubric in effect for the previous month.
    public var previousRubric: Rubric
    /// The talks held by ``asOf`` with projects called in for the previous month.
    public var talks: [Talk]

    /// Creates the facts of a month.
    ///
    /// - Parameters:
    ///   - month: The month reported on.
    ///   - asOf: The last day whose data counts (default: the month's last day).
    ///   - projects: The projects to report on.
    ///   - rubric: The rubric in effect for the month.
    ///   - previousProjects: The previous month's facts, for the follow-up.
    ///   - previousRubric: The rubric in effect for the previous month.
    ///   - talks: The talks held about the previous month.
    public init(
        month: Month, asOf: LocalDate? = nil, projects: [ProjectFacts], rubric: Rubric = .standard,
        previousProjects: [ProjectFacts] = [], previousRubric: Rubric = .standard, talks: [Talk] = []
    ) {
        self.month = month
        self.asOf = asOf ?? month.lastDay
        self.projects = projects
        self.rubric = rubric
        self.previousProjects = previousProjects
        self.previousRubric = previousRubric
        self.talks = talks
    }

    /// Whether the month had ended by ``asOf``.
    public var isMonthComplete: Bool { asOf >= month.lastDay }
}
