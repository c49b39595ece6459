/// The p-chart of a project's defect rate per month or per day, judged against the project's baseline.
///
/// Unlike ``PChart``, whose centre comes from the samples themselves, this chart's centre line is
/// given: the baseline the leader signed up to, p̄ = baseline defective / baseline inspected over
/// the baseline period (not the mean of its monthly rates). Each period with figures gets its own
/// 3-sigma limits p̄ ± 3·sqrt(p̄(1-p̄)/n), the lower floored at 0 and the upper capped at 1
/// (NIST/SEMATECH e-Handbook 6.3.3.2), and two kinds of signal:
///
/// - a rate strictly outside its limits (``Signal/aboveUpperLimit``, ``Signal/belowLowerLimit``);
/// - a run of ``runRule`` (8) or more periods in a row on one side of the centre: every period from
///   the 8th of the run on is flagged (``Signal/shiftDown``: the countermeasure worked, or the
///   measurement changed; ``Signal/shiftUp``: something broke). A rate exactly on the centre
///   ends a run. A period without figures (a gap) neither ends nor extends a run: a run counts
///   the periods that have a rate, so weekends and idle days do not hide a shift in daily figures.
///
/// Periods without figures stay on the chart, in order, as gaps with no rate or limits. The time
/// axis carries marks: the trials running in each period (T3), and the status changes effective
/// in it. Build one with ``init(projectKey:title:metricName:baseline:baselinePeriod:granularity:samples:trials:statusChanges:)``.
public struct ControlChart: Sendable, Hashable, Codable {
    /// The number of periods in a row on one side of the centre that signals a shift.
    public static let runRule = 8

    /// The project's key: `SLAB-CRACK-2026`.
    public var projectKey: String
    /// The project's title.
    public var title: String
    /// What the defect metric counts: `longitudinal crack rate`.
    public var metricName: String
    /// One point per month or one per day.
    public var granularity: Observation.Granularity
    /// The baseline counts the centre line comes from.
    public var baseline: Proportion
    /// The months the baseline was measured over.
    public var baselinePeriod: MonthRange
    /// The centre line p̄: baseline defective over baseline inspected.
    public var centre: Double
    /// One point per period, oldest first, gaps included.
    public var points: [Point]
    /// The project's trials (voided ones left out) that ran during the chart's periods, by number.
    public var trials: [TrialSpan]
    /// The project's status changes effective during the chart's periods, oldest first.
    public var statusChanges: [StatusChange]

    /// The counts of one period as the store sums them: `nil` when nothing was recorded for it.
    public struct Sample: Sendable, Hashable, Codable {
        /// The first day of the period: the 1st for a month.
        public var firstDay: LocalDate
        /// The summed figures of the period; `nil` for a gap.
        public var counts: Proportion?

        /// Creates a sample.
        ///
        /// - Parameters:
        ///   - firstDay: The first day of the period.
        ///   - counts: The period's figures, or `nil` when none were recorded.
        public init(firstDay: LocalDate, counts: Proportion?) {
            self.firstDay = firstDay
            self.counts = counts
        }
    }

    /// A trial on the time axis: `T3` from its first to its last day.
    public struct TrialSpan: Sendable, Hashable, Codable {
        /// The trial number: 3 for T3.
        public var number: Int
        /// `T3`.
        public var label: String
        public var startedOn: LocalDate
        public var endedOn: LocalDate

        /// Creates a trial span.
        ///
        /// - Parameters:
        ///   - number: The trial number.
        ///   - startedOn: The trial's first day.
        ///   - endedOn: The trial's last day.
        public init(number: Int, startedOn: LocalDate, endedOn: LocalDate) {
            self.number = number
            self.label = "T\(number)"
            self.startedOn = startedOn
            self.endedOn = endedOn
        }
    }

    /// A status the project took, and the day it took effect.
    public struct StatusChange: Sendable, Hashable, Codable {
        public var status: ProjectStatus
        public var effectiveOn: LocalDate

        /// Creates a status change.
        ///
        /// - Parameters:
        ///   - status: The status taken.
        ///   - effectiveOn: The day it took effect.
        public init(status: ProjectStatus, effectiveOn: LocalDate) {
            self.status = status
            self.effectiveOn = effectiveOn
        }
    }

    /// What a point signals; in JSON, kebab-case like every enumeration (`"shift-down"`).
    public enum Signal: String, Sendable, Hashable, Codable, CaseIterable {
        /// The rate lies above the upper control limit: something broke that period.
        case aboveUpperLimit = "above-upper-limit"
        /// The rate lies below the lower control limit: a real drop that period.
        case belowLowerLimit = "below-lower-limit"
        /// The 8th or later period in a row above the centre: the process shifted up.
        case shiftUp = "shift-up"
        /// The 8th or later period in a row below the centre: the process shifted down.
        case shiftDown = "shift-down"
    }

    /// The side of the centre line a rate lies on.
    public enum Side: String, Sendable, Hashable, Codable {
        case above
        case below
    }

    /// The periods with a rate in a row on one side of the centre, up to and including a point.
    public struct Run: Sendable, Hashable, Codable {
        public var side: Side
        /// 1 for the first period of the run.
        public var length: Int

        /// Creates a run.
        ///
        /// - Parameters:
        ///   - side: The side of the centre.
        ///   - length: The periods in the run so far, this one included.
        public init(side: Side, length: Int) {
            self.side = side
            self.length = length
        }
    }

    /// A point's control limits, as fractions: `{"lower": 0.0084, "upper": 0.0556}`.
    public struct Limits: Sendable, Hashable, Codable {
        /// p̄ - 3·sqrt(p̄(1-p̄)/n), floored at 0.
        public var lower: Double
        /// p̄ + 3·sqrt(p̄(1-p̄)/n), capped at 1.
        public var upper: Double

        /// Creates limits.
        ///
        /// - Parameters:
        ///   - lower: The lower control limit.
        ///   - upper: The upper control limit.
        public init(lower: Double, upper: Double) {
            self.lower = lower
            self.upper = upper
        }
    }
}
