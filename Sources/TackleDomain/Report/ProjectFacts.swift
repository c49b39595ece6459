/// What the monthly report needs to know about one project, as of the end of the month.
///
/// The store fills this with set-based SQL: the project row, the sums of the defect observations of
/// the month and the five months before it, the trials that ended in the month and all milestones.
/// Nothing here is a rate typed in by a user: rates are derived from the counts.
public struct ProjectFacts: Sendable, Hashable, Codable {
    /// The short key users type: `SLAB-CRACK-2026`.
    public var key: String
    public var title: String
    /// The sponsoring unit's code: `CC3`.
    public var unitCode: String
    /// The leader's employee number: `E1001`.
    public var leaderNo: String
    public var leaderName: String
    /// The status as of the end of the month.
    public var status: ProjectStatus
    public var openedOn: LocalDate
    public var dueOn: LocalDate
    /// The closing date, only when it is on or before the end of the month.
    public var closedOn: LocalDate?
    /// What the defect metric counts: `longitudinal crack rate`.
    public var metricName: String
    /// The baseline as counts: 48 defective of 1500 inspected.
    public var baseline: Proportion
    /// The months the baseline was measured over.
    public var baselinePeriod: MonthRange
    /// The target rate as a fraction, below the baseline rate: 0.005 for 0.5 %.
    public var targetRate: Double
    /// The sum of the month's observations; `nil` when none were recorded.
    public var monthFigures: Proportion?
    /// The sum of the previous month's observations; `nil` when none were recorded.
    public var previousMonthFigures: Proportion?
    /// The trials that ended in the month, by number.
    public var trials: [Trial]
    /// All milestones of the project; done dates after the end of the month already removed.
    public var milestones: [Milestone]
    /// The day (plant time) the month's figures were first recorded; `nil` when there are none.
    public var figuresRecordedOn: LocalDate?
    /// The trial work of the twelve months up to the month's end, one entry per month with trials.
    public var recentTrials: [TrialWork]
    /// Whether the baseline was changed (re-baselined) during the month.
    public var baselineChangedInMonth: Bool
    /// The counts of the project's non-void trials that ended before the month: with the month's
    /// trials they make the family the verdicts are adjusted over (Holm), as of the month's end.
    /// The store lists them all only for a project with a trial in the month, the only case that
    /// judges a family; for others it may stop at the twelve months the assessment reads.
    public var earlierTrialOutcomes: [Proportion]
    /// The summed observations of the six months ending with the month, for its trend; a month
    /// without figures may be left out. Where the month itself or the previous month is left out,
    /// ``monthFigures`` and ``previousMonthFigures`` stand for them.
    public var recentMonths: [MonthFigures]

    /// The summed observations of one month: `nil` when nothing was recorded for it.
    public struct MonthFigures: Sendable, Hashable, Codable {
        public var month: Month
        public var counts: Proportion?

        public init(month: Month, counts: Proportion?) {
            self.month = month
            self.counts = counts
        }
    }

    /// Trials as the assessment counts them: per month they ended in, how many, and how many have
    /// a conclusion written. Counted by month, the store sends a dozen rows per project rather
    /// than every trial (30,000 rows a month at plant scale).
    public struct TrialWork: Sendable, Hashable, Codable {
        /// The month the trials ended in.
        public var month: Month
        /// How many non-void trials ended in the month (up to the report's day, for its own month).
        public var ended: Int
        /// How many of them have a conclusion written.
        public var concluded: Int

        public init(month: Month, ended: Int, concluded: Int) {
            self.month = month
            self.ended = ended
            self.concluded = concluded
        }
    }

    /// Creates the facts of one project.
    ///
    /// - Parameters:
    ///   - key: The project key.
    ///   - title: The title.
    ///   - unitCode: The sponsoring unit's code.
    ///   - leaderNo: The leader's employee number.
    ///   - leaderName: The leader's name.
    ///   - status: The status as of the end of the month.
    ///   - openedOn: The opening date.
    ///   - dueOn: The due (target) date.
    ///   - closedOn: The closing date, if on or before the end of the month.
    ///   - metricName: What the defect metric counts.
    ///   - baseline: The baseline counts.
    ///   - baselinePeriod: The months the baseline was measured over.
    ///   - targetRate: The target rate as a fraction.
    ///   - monthFigures: The month's summed observations, or `nil` when none were recorded.
    ///   - previousMonthFigures: The previous month's summed observations, or `nil`.
    ///   - trials: The trials that ended in the month.
    ///   - milestones: All milestones of the project.
    ///   - figuresRecordedOn: The day the month's figures were first recorded.
    ///   - recentTrials: The trial work of the twelve months up to the month's end, by month.
    ///   - earlierTrialOutcomes: The counts of the non-void trials that ended before the month.
    ///   - baselineChangedInMonth: Whether the baseline was changed during the month.
    ///   - recentMonths: The summed observations of the six months ending with the month.
    public init(
        key: String,
        title: String,
        unitCode: String,
        leaderNo: String,
        leaderName: String,
        status: ProjectStatus,
        openedOn: LocalDate,
        dueOn: LocalDate,
        closedOn: LocalDate?,
        metricName: String,
        baseline: Proportion,
        baselinePeriod: MonthRange,
        targetRate: Double,
        monthFigures: Proportion?,
        previousMonthFigures: Proportion?,
        trials: [Trial],
        milestones: [Milestone],
        figuresRecordedOn: LocalDate? = nil,
        recentTrials: [TrialWork] = [],
        baselineChangedInMonth: Bool = false,
        earlierTrialOutcomes: [Proportion] = [],
        recentMonths: [MonthFigures] = []
    ) {
        self.baselineChangedInMonth = baselineChangedInMonth
        self.earlierTrialOutcomes = earlierTrialOutcomes
        self.recentMonths = recentMonths
        self.key = key
        self.title = title
        self.unitCode = unitCode
        self.leaderNo = leaderNo
        self.leaderName = leaderName
        self.status = status
        self.openedOn = openedOn
        self.dueOn = dueOn
        self.closedOn = closedOn
        self.metricName = metricName
        self.baseline = baseline
        self.baselinePeriod = baselinePeriod
        self.targetRate = targetRate
        self.monthFigures = monthFigures
        self.previousMonthFigures = previousMonthFigures
        self.trials = trials
        self.milestones = milestones
        self.figuresRecordedOn = figuresRecordedOn
        self.recentTrials = recentTrials
    }
}
