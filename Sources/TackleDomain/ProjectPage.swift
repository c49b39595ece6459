/// What a project's page on the notice board shows for a month: the project and its people, its
/// milestones where they stood, its trials judged, the p-chart of its rate, its trials pooled by
/// each parameter they record, and its latest changes.
///
/// Build one with ``init(month:asOf:project:members:milestones:trials:chart:history:)`` from what
/// the store gathers; the judging and pooling happen here, so the same records give the same page.
/// Trials count when they ended by ``asOf``, milestones as they stood at its end; the changes are
/// the latest ones when the page is made (a correction after the month's end shows).
public struct ProjectPage: Sendable, Hashable, Codable {
    /// The month of the page.
    public var month: Month
    /// The last day whose data counts: the month's last day, or today while the month runs.
    public var asOf: LocalDate
    /// The project as recorded now (its title, leader, status and metric).
    public var project: Project
    /// The members, current ones first.
    public var members: [Member]
    /// The milestones not cancelled, by number, each with its state at the end of ``asOf``.
    public var milestones: [MilestoneLine]
    /// The trials (not void) that ended by ``asOf``, by number, each judged against the baseline
    /// with its Fisher p adjusted by Holm over all of them.
    public var trials: [JudgedTrial]
    /// The monthly p-chart from the baseline's first month to the page's month.
    public var chart: ControlChart
    /// The trials pooled by each parameter they record, by parameter name; with a trend test
    /// wherever the values allow one (two or more values in one unit).
    public var parameters: [ParameterComparison]
    /// The latest changes when the page was made, newest first, at most ``historyLimit``.
    public var history: [HistoryEntry]

    /// How many changes the page lists.
    public static let historyLimit = 15

    /// A milestone and where it stood.
    public struct MilestoneLine: Sendable, Hashable, Codable {
        public var milestone: Milestone
        /// Open, done on time, done late or overdue at the end of the page's day.
        public var state: Milestone.State

        /// Creates a line.
        ///
        /// - Parameters:
        ///   - milestone: The milestone.
        ///   - state: Its state.
        public init(milestone: Milestone, state: Milestone.State) {
            self.milestone = milestone
            self.state = state
        }
    }

    /// A trial and its comparison with the baseline.
    public struct JudgedTrial: Sendable, Hashable, Codable {
        public var trial: Trial
        /// The trial against the baseline, its verdict from the Holm-adjusted Fisher p.
        public var comparison: Comparison

        /// Creates a judged trial.
        ///
        /// - Parameters:
        ///   - trial: The trial.
        ///   - comparison: Its comparison with the baseline.
        public init(trial: Trial, comparison: Comparison) {
            self.trial = trial
            self.comparison = comparison
        }
    }

    /// Builds the page from the project's records.
    ///
    /// - Parameters:
    ///   - month: The page's month.
    ///   - asOf: The last day whose data counts; later than the month's end counts as its end.
    ///   - project: The project.
    ///   - members: Its members.
    ///   - milestones: Its milestones, cancelled ones allowed (they are left out, as everywhere).
    ///   - trials: Its trials, voided ones and later ones allowed (they are left out).
    ///   - chart: The monthly p-chart up to the month.
    ///   - history: Its recorded changes, any order.
    public init(
        month: Month, asOf: LocalDate, project: Project, members: [Member], milestones: [Milestone],
        trials: [Trial], chart: ControlChart, history: [HistoryEntry]
    ) {
        let asOf = min(asOf, month.lastDay)
        self.month = month
        self.asOf = asOf
        self.project = project
        self.members = members
        self.milestones = milestones.filter { $0.cancelledOn.map { $0 > asOf } ?? true }
            .sorted { $0.number < $1.number }
            .map { MilestoneLine(milestone: $0, state: $0.state(on: asOf)) }
        let counted = trials.filter { $0.voidedAt == nil && $0.endedOn <= asOf }.sorted { $0.number < $1.number }
        let baseline = project.metric.baseline
        let comparisons = Statistics.compare(
            trials: counted.map(\.outcome), baseline: baseline, plannedRate: project.metric.targetRate)
        self.trials = zip(counted, comparisons).map(JudgedTrial.init)
        self.chart = chart
        self.parameters = Self.pooled(counted, project: project)
        self.history = Array(history.sorted { $0.id > $1.id }.prefix(Self.historyLimit))
    }

    /// One pooled comparison per parameter the trials record, with the trend where it can be tested.
    private static func pooled(_ trials: [Trial], project: Project) -> [ParameterComparison] {
        let names = Set(trials.flatMap { $0.parameters.map(\.name) }).sorted()
        guard let filter = try? ParameterComparison.Filter() else { return [] }
        return names.compactMap { name in
            let facts = ParameterComparison.Facts(
                projectKey: project.key, metricName: project.metric.name, baseline: project.metric.baseline,
                parameter: name, filter: filter, trials: trials.map { ParameterComparison.Entry($0, parameter: name) })
            // The trend needs two values or more in one unit; without it the rows still compare.
            return (try? ParameterComparison(facts, trend: true)) ?? (try? ParameterComparison(facts))
        }
    }
}
